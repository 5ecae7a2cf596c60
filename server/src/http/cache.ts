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
  delete(key: string): void { this.entries.delete(key); }
}
