import { describe, it, expect } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, then refills at the rate', () => {
    const r = new RateLimiter(3, 1);
    expect([0, 0, 0].map(() => r.take('a', 0))).toEqual([0, 0, 0]);
    expect(r.take('a', 0)).toBe(1);
    expect(r.take('a', 1000)).toBe(0);
  });

  // Issue 9, item 11: cycling through maxKeys other keys used to evict a drained bucket, which then came back full.
  it('cannot be flushed: a flood of new keys does not reset a drained bucket', () => {
    const r = new RateLimiter(5, 1, 1000);
    for (let i = 0; i < 5; i++) r.take('attacker', 0);
    expect(r.take('attacker', 0)).toBeGreaterThan(0);
    for (let i = 0; i < 1500; i++) r.take(`flood-${i}`, 100);
    expect(r.take('attacker', 200)).toBeGreaterThan(0);
    expect(r.size).toBeLessThanOrEqual(4000);
  });

  it('stays bounded: refilled buckets are forgotten past maxKeys', () => {
    const r = new RateLimiter(5, 1, 1000);
    for (let i = 0; i < 3000; i++) r.take(`k${i}`, i * 10_000); // each bucket refilled before the next key arrives
    expect(r.size).toBeLessThanOrEqual(1000);
  });
});
