import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ReplayGuard } from './replay-guard.js';

const MIN = 60_000;

describe('PoW replay guard', () => {
  it('accepts a nonce once until it expires', () => {
    const g = new ReplayGuard();
    expect(g.firstUse('n1', 5 * MIN, 0)).toBe(true);
    expect(g.firstUse('n1', 5 * MIN, MIN)).toBe(false);
    expect(g.firstUse('n2', 5 * MIN, MIN)).toBe(true);
  });

  // Issue 9, item 11: the old guard kept expired nonces until 200k entries, then scanned the whole table on every check.
  it('forgets expired nonces by whole buckets as time passes, so the table holds only live ones', () => {
    const g = new ReplayGuard(MIN);
    for (let i = 0; i < 300_000; i++) g.firstUse(`a${i}`, 5 * MIN + (i % 1000), i % 1000);
    expect(g.size).toBe(300_000);
    expect(g.firstUse('late', 11 * MIN, 6 * MIN + 1)).toBe(true); // every nonce above expired by now
    expect(g.size).toBe(1);
  });

  it('stays within maxEntries, dropping the oldest bucket first', () => {
    const g = new ReplayGuard(MIN, 1000);
    for (let i = 0; i < 5000; i++) g.firstUse(`n${i}`, (1 + Math.floor(i / 500)) * MIN, 0);
    expect(g.size).toBeLessThanOrEqual(1000);
    expect(g.firstUse('n4999', 10 * MIN, 0)).toBe(false); // the newest are still remembered
  });

  it('never accepts a live nonce twice (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }), (ops) => {
      const g = new ReplayGuard(MIN);
      const seen = new Map<string, number>();
      let now = 0;
      for (const [n, step] of ops) {
        now += step * 1000;
        const nonce = `n${n}`; const expiresAt = (n + 1) * 10_000 + 5 * MIN; // one expiry per nonce, as signed
        const first = g.firstUse(nonce, expiresAt, now);
        if (seen.has(nonce) && now < expiresAt) expect(first).toBe(false);
        seen.set(nonce, expiresAt);
      }
    }), { seed: 11, numRuns: 300 });
  });
});
