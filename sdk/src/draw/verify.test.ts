import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../test/vectors.js';
import { runDraw, type DrawRecord } from './run.js';
import { verifyDraw, verifyDrawSync } from './verify.js';

const c = loadVectors().find((v) => v.name === 'hundred')!;
const { record } = runDraw(c);
const entries = c.entries;
const codes = (r: { problems: { code: string }[] }) => [...new Set(r.problems.map((p) => p.code))];
const flipHex = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);

describe('verifyDraw', () => {
  it('accepts the honest record and snapshot', async () => {
    expect(verifyDrawSync(record, entries)).toMatchObject({ ok: true, problems: [] });
    async function* stream() {
      yield* entries;
    }
    expect((await verifyDraw(record, stream())).ok).toBe(true);
  });

  it('names a changed weight: root and total weight differ', () => {
    const tampered = entries.map((e, i) => (i === 5 ? { ...e, weight: e.weight + 1 } : e));
    const r = verifyDrawSync(record, tampered);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(expect.arrayContaining(['root_mismatch', 'total_weight_mismatch']));
    expect(r.problems.find((p) => p.code === 'total_weight_mismatch')!.message).toMatch(/record says \d+, the snapshot sums to \d+/);
  });

  it('names a changed id: root differs', () => {
    const tampered = entries.map((e, i) => (i === 7 ? { ...e, entryId: `${e.entryId}X` } : e));
    const r = verifyDrawSync(record, tampered);
    expect(codes(r)[0]).toBe('root_mismatch');
    expect(r.problems[0]!.message).toMatch(/^root mismatch/);
  });

  it('names a changed secret: the commitment no longer matches', () => {
    const r = verifyDrawSync({ ...record, secret: flipHex(record.secret) }, entries);
    expect(codes(r)[0]).toBe('commitment_mismatch');
    expect(r.problems[0]!.message).toMatch(/commitment does not match secret/);
  });

  it('names a changed beacon: winners or backups differ while commitment and root match', () => {
    const r = verifyDrawSync({ ...record, beacon: 'ab' }, entries);
    expect(r.ok).toBe(false);
    expect(codes(r).every((code) => /^(winner|backup)_/.test(code))).toBe(true);
    expect(r.problems.at(-1)!.message).toMatch(/the beacon/);
  });

  it('names a changed winner by position, with both values', () => {
    const winners = [...record.winners];
    winners[2] = 'someone-else';
    const r = verifyDrawSync({ ...record, winners }, entries);
    expect(r.problems[0]).toEqual({ code: 'winner_mismatch', message: `winner #3: record says someone-else, recomputed ${record.winners[2]}`, recorded: 'someone-else', recomputed: record.winners[2] });
  });

  it('names swapped backups and a missing one', () => {
    const backups = [record.backups[1]!, record.backups[0]!, ...record.backups.slice(2, -1)];
    const r = verifyDrawSync({ ...record, backups }, entries);
    expect(codes(r)).toEqual(['backup_count_mismatch', 'backup_mismatch']);
  });

  it('checks the seed when the record carries one', () => {
    const r = verifyDrawSync({ ...record, seed: '00'.repeat(32) } as DrawRecord, entries);
    expect(codes(r)).toEqual(['seed_mismatch']);
  });

  it('reports bad input as problems instead of throwing', () => {
    expect(codes(verifyDrawSync({ ...record, spec: 'v0' }, entries))).toEqual(['unsupported_spec']);
    expect(codes(verifyDrawSync({ ...record, winners: 'a' }, entries))).toEqual(['invalid_record']);
    expect(codes(verifyDrawSync({ ...record, secret: 'ABC' }, entries))).toEqual(['invalid_record']);
    expect(codes(verifyDrawSync(record, [...entries, entries[0]]))).toEqual(['invalid_entries']);
    expect(codes(verifyDrawSync(null, entries))).toEqual(['invalid_record']);
  });

  it('lists at most ten differing positions per list, then a summary', () => {
    const r = verifyDrawSync({ ...record, winners: [...record.winners].reverse() }, entries);
    expect(r.problems.filter((p) => p.code === 'winner_mismatch').length).toBeLessThanOrEqual(11);
  });
});
