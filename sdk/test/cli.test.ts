import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runDraw } from '@fairdrop/sdk/draw';
import { loadVectors } from './vectors.js';

const BIN = fileURLToPath(new URL('../bin/fairdrop-verify.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fairdrop-verify-'));
const c = loadVectors().find((v) => v.name === 'thousand')!;
const { record } = runDraw(c);

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const ndjson = (entries: { entryId: string; weight: number }[]) => entries.map((e) => JSON.stringify(e)).join('\n') + '\n';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 2) : 0, stdout, stderr });
    });
  });
}

const recordPath = write('record.json', JSON.stringify(record));
// Any order is fine: reversed on purpose.
const goodEntries = write('entries.ndjson', ndjson([...c.entries].reverse()));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fairdrop-verify CLI', () => {
  it('exits 0 and says OK for a good draw', async () => {
    const r = await cli(recordPath, goodEntries);
    expect(r.stdout).toMatch(/^OK: the draw verifies/);
    expect(r.code).toBe(0);
  });

  it('exits 1 and names the problems for a tampered snapshot', async () => {
    const tampered = c.entries.map((e, i) => (i === 10 ? { ...e, weight: e.weight + 1 } : e));
    const r = await cli(recordPath, write('tampered.ndjson', ndjson(tampered)));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAILED/);
    expect(r.stdout).toMatch(/\[root_mismatch\] root mismatch/);
    expect(r.stdout).toMatch(/\[total_weight_mismatch\]/);
  });

  it('exits 1 for a record whose winner was changed, naming the position', async () => {
    const forged = write('forged.json', JSON.stringify({ ...record, winners: ['forged', ...record.winners.slice(1)] }));
    const r = await cli(forged, goodEntries);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`winner #1: record says forged, recomputed ${record.winners[0]}`);
  });

  it('exits 1 for a malformed NDJSON line, naming the line', async () => {
    const r = await cli(recordPath, write('bad.ndjson', '{"entryId":"a","weight":1}\n{"entryId":"b" "weight":2}\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/line 2: not valid JSON/);
  });

  it('exits 2 on usage and I/O errors', async () => {
    expect((await cli(recordPath)).code).toBe(2);
    const missing = await cli(join(dir, 'missing.json'), goodEntries);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the record/);
    expect((await cli(recordPath, join(dir, 'missing.ndjson'))).code).toBe(2);
  });

  it('reports progress on stderr with --progress', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ entryId: `e${i}`, weight: 1 }));
    const big = runDraw({ dropId: 'progress', secret: c.secret, inventory: 3, backupCount: 1, entries: many }).record;
    const r = await cli('--progress', write('big.json', JSON.stringify(big)), write('big.ndjson', ndjson(many)));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read 100,000 entries');
  });
});
