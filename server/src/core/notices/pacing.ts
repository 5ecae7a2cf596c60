/**
 * Pacing of background notices at a per-merchant rate: a page of n items is spread evenly over
 * n / rate seconds (each send delayed by its own offset), and the next page starts when this one's
 * time is used up. The rate holds without bursts and survives restarts (offsets are durable timers).
 */

/** Offsets in ms of n sends at `rate` per second, starting `carryMs` late. */
export function sendOffsets(n: number, rate: number, carryMs = 0): number[] {
  const gap = 1000 / rate;
  return Array.from({ length: n }, (_, i) => Math.round(carryMs + i * gap));
}

/** How long until the next page: the time this page's sends occupy (none when nothing was sent). */
export const pageSpanMs = (n: number, rate: number) => Math.round((n * 1000) / rate);

/** The job's place: which shard and page (or watcher page) comes next, and whether it is finished. */
export interface Cursor { shard: number; page: number }

export function advance(cursor: Cursor, pagesInShard: number, shards: number): Cursor | null {
  if (cursor.page + 1 < pagesInShard) return { shard: cursor.shard, page: cursor.page + 1 };
  return cursor.shard + 1 < shards ? { shard: cursor.shard + 1, page: 0 } : null;
}
