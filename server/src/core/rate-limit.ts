/** A token bucket per key; time is passed in. Memory is bounded by `maxKeys` (oldest evicted). */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly capacity: number, private readonly refillPerSecond: number, private readonly maxKeys = 100_000) {}

  /** Take one token; returns 0 when allowed, otherwise the seconds to wait. */
  take(key: string, nowMs: number): number {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    b.tokens = Math.min(this.capacity, b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond);
    b.at = nowMs;
    this.buckets.delete(key);
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) { b.tokens -= 1; return 0; }
    return Math.ceil((1 - b.tokens) / this.refillPerSecond);
  }

  /** Count-in-window view used for difficulty: tokens used recently. */
  used(key: string, nowMs: number): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    return Math.max(0, this.capacity - Math.min(this.capacity, b.tokens + ((nowMs - b.at) / 1000) * this.refillPerSecond));
  }
}
