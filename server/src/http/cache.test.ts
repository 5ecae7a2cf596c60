import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalize, entryAt } from '@fairdrop/sdk/draw';
import { WeightedCache } from './cache.js';
import { indexOf } from './routes/audit.js';

describe('snapshot cache and lookups (issue 9, item 11)', () => {
  it('bounds the cache by total weight, not by count: many small drops and a few large ones share one budget', async () => {
    const c = new WeightedCache<{ size: number }>(1000, (v) => v.size);
    let loads = 0;
    const load = (size: number) => async () => { loads++; return { size }; };
    for (let i = 0; i < 50; i++) await c.get(`small${i}`, load(10)); // 500
    await c.get('big', load(400)); // 900
    expect(c.weight).toBe(900);
    await c.get('big', load(400));
    await c.get('small49', load(10));
    expect(loads).toBe(51); // cycling over what fits rebuilds nothing
    await c.get('huge', load(5000)); // heavier than the budget: served, not kept, nothing evicted for it
    expect(c.weight).toBe(900);
  });

  it('loads each key once while a load is in flight', async () => {
    const c = new WeightedCache<number>(10, () => 1);
    let loads = 0;
    const slow = () => new Promise<number>((r) => { loads++; setTimeout(() => r(1), 10); });
    await Promise.all([c.get('k', slow), c.get('k', slow), c.get('k', slow)]);
    expect(loads).toBe(1);
  });

  it('finds an entry by binary search in canonical order (property)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 60 }), (ids) => {
      const entries = canonicalize(ids.map((entryId) => ({ entryId, weight: 1 })));
      for (let i = 0; i < entries.size; i++) expect(indexOf(entries, entryAt(entries, i).entryId)).toBe(i);
      expect(indexOf(entries, 'not~an~id')).toBe(-1);
    }), { seed: 5, numRuns: 200 });
  });
});
