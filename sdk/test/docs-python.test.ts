import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDraw } from '@fairdrop/sdk/draw';
import { loadVectors } from './vectors.js';
import { quicknetDraw } from './beacon-fixture.js';

/** The "by hand" Python verifier printed in docs/verify-a-draw.md must actually work. */
const page = readFileSync(new URL('../../docs/verify-a-draw.md', import.meta.url), 'utf8');
const script = /```python\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
const hasPython = spawnSync('python3', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'verify-py-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasPython)('docs/verify-a-draw.md Python verifier', () => {
  const run = (record: object, entries: object[]) => {
    writeFileSync(join(dir, 'verify_draw.py'), script);
    writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
    writeFileSync(join(dir, 'entries.ndjson'), entries.map((e) => JSON.stringify(e)).join('\n'));
    return spawnSync('python3', [join(dir, 'verify_draw.py'), join(dir, 'record.json'), join(dir, 'entries.ndjson')], { encoding: 'utf8', timeout: 30_000 });
  };

  it.each(loadVectors().map((c) => [c.name, c] as const))('accepts the record of vector %s', (_name, c) => {
    const r = run(runDraw(c).record, c.entries);
    expect(r.stdout).not.toContain('FAIL');
    expect(r.status).toBe(0);
  });

  it('accepts a draw on real quicknet round 1000 and rejects a wrong round or a beacon that is not H(signature)', () => {
    const { record, entries } = quicknetDraw();
    const ok = run(record, entries);
    expect(ok.stdout).toMatch(/ok    beaconRound/);
    expect(ok.status).toBe(0);
    const late = run({ ...record, beaconRound: 1001 }, entries);
    expect(late.stdout).toContain('FAIL  beaconRound');
    expect(late.status).toBe(1);
    const other = run({ ...record, beacon: '00'.repeat(32) }, entries);
    expect(other.stdout).toContain('FAIL  beacon\n');
  });

  it('rejects a forged winner', () => {
    const c = loadVectors().find((v) => v.name === 'hundred')!;
    const { record } = runDraw(c);
    const r = run({ ...record, winners: [...record.winners].reverse() }, c.entries);
    expect(r.stdout).toContain('FAIL  winners');
    expect(r.status).toBe(1);
  });
});

