/**
 * Single use of PoW challenges on this process. Nonces are kept in buckets by expiry (one bucket per
 * `bucketMs`); a whole bucket is dropped once every nonce in it has expired. Each check is O(1): no
 * scan of the table, however large it grows. Memory is bounded by `maxEntries`: past it the oldest
 * bucket goes early (a replay of one of those is still bound to its drop and shopper, so it can only
 * repeat that shopper's own registration).
 */
export class ReplayGuard {
  private buckets = new Map<number, Set<string>>();
  private entries = 0;
  constructor(private readonly bucketMs = 60_000, private readonly maxEntries = 2_000_000) {}

  /** True the first time `nonce` is seen (until `expiresAt`). */
  firstUse(nonce: string, expiresAt: number, now: number): boolean {
    this.expire(now);
    const id = Math.floor(expiresAt / this.bucketMs);
    // A nonce lives in the bucket of its expiry; the same nonce always has the same expiry (both are signed).
    const bucket = this.buckets.get(id);
    if (bucket?.has(nonce)) return false;
    if (bucket) bucket.add(nonce); else this.buckets.set(id, new Set([nonce]));
    this.entries += 1;
    while (this.entries > this.maxEntries) this.dropOldest();
    return true;
  }

  get size(): number { return this.entries; }

  /** Drop buckets whose every nonce has expired; buckets are kept in insertion order, so this stops at the first live one. */
  private expire(now: number): void {
    for (const [id] of this.buckets) {
      if ((id + 1) * this.bucketMs > now) break;
      this.dropOldest();
    }
  }

  private dropOldest(): void {
    const first = this.buckets.keys().next();
    if (first.done) return;
    this.entries -= this.buckets.get(first.value)!.size;
    this.buckets.delete(first.value);
  }
}
