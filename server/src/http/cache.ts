/** A small TTL cache with LRU eviction and single-flight loading (one load per key at a time). */
export class TtlCache<V> {
  private entries = new Map<string, { value: V; at: number }>();
  private loading = new Map<string, Promise<V>>();
  constructor(private readonly ttlMs: number, private readonly max = 10_000, private readonly now: () => number = Date.now) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const p = load().then((value) => { this.set(key, value); return value; }).finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  peek(key: string): V | undefined { return this.entries.get(key)?.value; }
  /** The value when present and within its TTL. */
  fresh(key: string): V | undefined { const hit = this.entries.get(key); return hit && this.now() - hit.at < this.ttlMs ? hit.value : undefined; }
  delete(key: string): void { this.entries.delete(key); }
}

/**
 * An LRU bounded by total weight (not by count), with single-flight loading: what it holds costs
 * memory in proportion to its weight (entries of a snapshot), so many small values or a few large
 * ones fit the same budget. A value heavier than the whole budget is served but not kept.
 */
export class WeightedCache<V> {
  private entries = new Map<string, { value: V; weight: number }>();
  private loading = new Map<string, Promise<V>>();
  private total = 0;
  constructor(private readonly budget: number, private readonly weigh: (v: V) => number) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) { this.entries.delete(key); this.entries.set(key, hit); return hit.value; }
    const pending = this.loading.get(key);
    if (pending) return pending;
    const p = load().then((value) => { this.set(key, value); return value; }).finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }

  get weight(): number { return this.total; }

  private set(key: string, value: V): void {
    const weight = Math.max(1, this.weigh(value));
    if (weight > this.budget) return;
    this.total += weight;
    this.entries.set(key, { value, weight });
    while (this.total > this.budget) {
      const [k, e] = this.entries.entries().next().value!;
      this.entries.delete(k);
      this.total -= e.weight;
    }
  }
}
