/**
 * A token bucket per key; time is passed in. Memory is bounded: past `maxKeys` the least recently used
 * bucket is forgotten, but only once it has refilled (forgetting it then loses nothing) — so a flood of
 * new keys cannot flush a drained bucket back to full. Under a flood of fresh keys the table may grow to
 * `4 × maxKeys`; beyond that the oldest goes regardless.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly capacity: number, private readonly refillPerSecond: number, private readonly maxKeys = 100_000) {}

  /** Take one token; returns 0 when allowed, otherwise the seconds to wait. */
  take(key: string, nowMs: number): number {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    b.tokens = this.level(b, nowMs);
    b.at = nowMs;
    this.buckets.delete(key);
    this.buckets.set(key, b);
    this.evict(nowMs);
    if (b.tokens >= 1) { b.tokens -= 1; return 0; }
    return Math.ceil((1 - b.tokens) / this.refillPerSecond);
  }

  /** Whether `key` has a token left, without taking one. */
  allows(key: string, nowMs: number): boolean {
    const b = this.buckets.get(key);
    return !b || this.level(b, nowMs) >= 1;
  }

  /** Count-in-window view used for difficulty: tokens used recently. */
  used(key: string, nowMs: number): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    return Math.max(0, this.capacity - this.level(b, nowMs));
  }

  get size(): number { return this.buckets.size; }

  private level(b: { tokens: number; at: number }, nowMs: number): number {
    return Math.min(this.capacity, b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond);
  }

  private evict(nowMs: number): void {
    while (this.buckets.size > this.maxKeys) {
      const [oldKey, oldest] = this.buckets.entries().next().value!;
      if (this.level(oldest, nowMs) < this.capacity && this.buckets.size <= 4 * this.maxKeys) return;
      this.buckets.delete(oldKey);
    }
  }
}
