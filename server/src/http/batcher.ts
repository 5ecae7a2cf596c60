/**
 * Group commit for the registration hot path. At most one ledger call per shard is in flight from
 * this process; registrations that arrive meanwhile wait and go together in the next call. Under
 * low load each registration is its own call (no added latency); under a burst, one durable call
 * carries many registrations.
 */
export class GroupCommit<I, R> {
  private queues = new Map<string, Array<{ item: I; resolve: (r: R) => void; reject: (e: unknown) => void }>>();
  private inflight = new Set<string>();

  constructor(private readonly commit: (key: string, items: I[]) => Promise<R[]>, private readonly maxBatch = 64) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const q = this.queues.get(key) ?? [];
      q.push({ item, resolve, reject });
      this.queues.set(key, q);
      if (!this.inflight.has(key)) void this.flush(key);
    });
  }

  private async flush(key: string): Promise<void> {
    const q = this.queues.get(key);
    if (!q || q.length === 0) { this.queues.delete(key); return; }
    const batch = q.splice(0, this.maxBatch);
    this.inflight.add(key);
    try {
      const results = await this.commit(key, batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (e) {
      batch.forEach((b) => b.reject(e));
    } finally {
      this.inflight.delete(key);
      void this.flush(key);
    }
  }
}
