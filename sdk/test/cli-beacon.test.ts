/** fairdrop-verify and the drand beacon: quicknet built in, another chain only with --beacon-key. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chainInfoOf, runDraw } from '@fairdrop/sdk/draw';
import { closesAtFor, ENTRIES, quicknetDraw, testChain } from './beacon-fixture.js';

const BIN = fileURLToPath(new URL('../bin/fairdrop-verify.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fairdrop-verify-beacon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const cli = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
  execFile(process.execPath, [BIN, ...args], { timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 2) : 0, stdout, stderr }));
});
const entries = write('entries.ndjson', ENTRIES.map((e) => JSON.stringify(e)).join('\n') + '\n');
const { record } = quicknetDraw();

describe('fairdrop-verify with a drand beacon', () => {
  it('verifies a draw on real quicknet round 1000 with the built-in key', async () => {
    const r = await cli(write('q.json', record), entries);
    expect(r.stdout).toMatch(/^OK/);
    expect(r.stdout).toMatch(/drand round 1000 of drand:52db9ba7/);
    expect(r.code).toBe(0);
  });

  it('names a tampered signature and a wrong round', async () => {
    const sig = record.beaconSignature!;
    const tampered = await cli(write('t.json', { ...record, beaconSignature: sig.slice(0, 40) + (sig[40] === 'a' ? 'b' : 'a') + sig.slice(41) }), entries);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/\[beacon_signature_invalid\]/);
    const wrong = await cli(write('w.json', { ...record, beaconRound: 999 }), entries);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/\[beacon_round_mismatch\] beaconRound: record says 999, but the first round after closesAt .* is 1000/);
  });

  it('refuses another chain unless its key is given with --beacon-key', async () => {
    const t = testChain(1_700_000_000, 1);
    const { record: rec } = runDraw({
      dropId: 'd1', secret: '22'.repeat(32), inventory: 2, backupCount: 1, entries: ENTRIES, beaconSource: `drand:${t.chain.chainHash}`,
      beaconRound: 77, beaconSignature: t.sign(77), closesAt: new Date(closesAtFor(t.chain, 77)).toISOString(),
    });
    const path = write('other.json', rec);
    const refused = await cli(path, entries);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/\[unknown_beacon_source\].*--beacon-key/);
    const accepted = await cli('--beacon-key', write('chain.json', chainInfoOf(t.chain)), path, entries);
    expect(accepted.stdout).toMatch(/^OK/);
    expect(accepted.code).toBe(0);
    const bad = await cli('--beacon-key', write('bad.json', { ...chainInfoOf(t.chain), schemeID: 'pedersen-bls-chained' }), path, entries);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/schemeID/);
  });
});
