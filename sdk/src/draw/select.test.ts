import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refSelect } from '../../test/reference.js';
import { buildFenwick, findFirstAbove, selectWeighted } from './select.js';
import { DrawStream } from './stream.js';

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const weightsArb = fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 ** 32 - 1 })), { minLength: 1, maxLength: 80 });

describe('Fenwick selection', () => {
  it('agrees with the naive O(N·K) reference on random inputs', () => {
    fc.assert(
      fc.property(weightsArb, seedArb, fc.nat(100), (ws, seed, extra) => {
        const weights = Float64Array.from(ws);
        const k = Math.min(ws.length, extra);
        const total = ws.reduce((a, b) => a + b, 0);
        const fast = Array.from(selectWeighted(weights, total, k, new DrawStream(seed)));
        expect(fast).toEqual(refSelect(ws, k, new DrawStream(seed)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the smallest index whose prefix sum exceeds r, for every r', () => {
    const weights = Float64Array.from([3, 0, 1, 4, 0, 2]);
    const tree = buildFenwick(weights);
    const expected = [0, 0, 0, 2, 3, 3, 3, 3, 5, 5];
    expected.forEach((i, r) => expect(findFirstAbove(tree, 6, 4, r)).toBe(i));
  });

  it('picks every entry once when K = N, whatever the weights', () => {
    fc.assert(
      fc.property(weightsArb, seedArb, (ws, seed) => {
        const total = ws.reduce((a, b) => a + b, 0);
        const picks = selectWeighted(Float64Array.from(ws), total, ws.length, new DrawStream(seed));
        expect([...picks].sort((a, b) => a - b)).toEqual(ws.map((_, i) => i));
      }),
    );
  });
});
