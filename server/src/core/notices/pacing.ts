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

/** How far ahead of its page's first send a step runs, so the step's own latency (seconds on a loaded machine) leaves no gap. */
export const STEP_LEAD_MS = 3000;

/**
 * The schedule of one page on the job's own clock: its n sends continue where the previous page's
 * ended (`nextAt`, never in the past), and the next step is due a little before this page's time is
 * up. However late a step runs, the sends stay evenly spaced at `rate` as long as the system keeps up.
 */
export function pace(now: number, nextAt: number | undefined, n: number, rate: number, leadMs = STEP_LEAD_MS): { offsets: number[]; nextAt: number; waitMs: number } {
  const start = Math.max(now, nextAt ?? now);
  const end = start + pageSpanMs(n, rate);
  return { offsets: sendOffsets(n, rate, start - now), nextAt: end, waitMs: Math.max(0, end - now - leadMs) };
}

/** The job's place: which shard and page (or watcher page) comes next, and whether it is finished. */
export interface Cursor { shard: number; page: number }

export function advance(cursor: Cursor, pagesInShard: number, shards: number): Cursor | null {
  if (cursor.page + 1 < pagesInShard) return { shard: cursor.shard, page: cursor.page + 1 };
  return cursor.shard + 1 < shards ? { shard: cursor.shard + 1, page: 0 } : null;
}
