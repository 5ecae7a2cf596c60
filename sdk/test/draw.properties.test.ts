import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawStream, fromHex, runDraw, seedOf } from '@fairdrop/sdk/draw';
import { idArb } from './arbitraries.js';
import { hex, refRoot, refSelect, refSort } from './reference.js';

const entriesArb = fc.uniqueArray(fc.record({ entryId: idArb, weight: fc.integer({ min: 1, max: 2 ** 32 - 1 }) }), {
  selector: (e) => e.entryId,
  maxLength: 60,
});
const inputArb = fc.record({
  dropId: idArb,
  secret: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(hex),
  beacon: fc.uint8Array({ maxLength: 48 }).map(hex),
  inventory: fc.nat(70),
  backupCount: fc.nat(70),
  entries: entriesArb,
});

describe('runDraw properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(runDraw(input).record).toEqual(runDraw(input).record);
      }),
    );
  });

  it('does not depend on the order of the input entries', () => {
    fc.assert(
      fc.property(inputArb, fc.func(fc.double({ noNaN: true })), (input, key) => {
        const shuffled = input.entries.map((e, i) => [key(i), e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
        expect(runDraw({ ...input, entries: shuffled }).record).toEqual(runDraw(input).record);
      }),
    );
  });

  it('picks each entry at most once, K = min(N, min(inventory, N) + backupCount) in all', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { winners, backups } = runDraw(input).record;
        const n = input.entries.length;
        const w = Math.min(input.inventory, n);
        expect(winners).toHaveLength(w);
        expect(winners.length + backups.length).toBe(Math.min(n, w + input.backupCount));
        const all = [...winners, ...backups];
        expect(new Set(all).size).toBe(all.length);
        const ids = new Set(input.entries.map((e) => e.entryId));
        for (const id of all) expect(ids.has(id)).toBe(true);
      }),
    );
  });

  it('matches a pipeline built from the naive references (recursive root, linear selection)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const sorted = refSort(input.entries);
        const root = refRoot(sorted);
        const seed = seedOf(input.dropId, fromHex(input.secret), root, fromHex(input.beacon));
        const n = sorted.length;
        const w = Math.min(input.inventory, n);
        const picks = refSelect(sorted.map((e) => e.weight), Math.min(n, w + input.backupCount), new DrawStream(seed));
        const ids = picks.map((i) => sorted[i]!.entryId);
        const { record } = runDraw(input);
        expect(record.root).toBe(hex(root));
        expect([record.winners, record.backups]).toEqual([ids.slice(0, w), ids.slice(w)]);
      }),
    );
  });
});
