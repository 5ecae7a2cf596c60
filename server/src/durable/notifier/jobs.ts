/** Background notice jobs (loser fan-out, cancellation, opening soon): their shape and readiness. */
import type { Cursor } from '../../core/notices/pacing.js';

/** What a notice needs to know of its drop. */
export interface DropBrief { name: string; opensAt: number; checkoutUrl?: string; rollover: { enabled: boolean; cap: number } }

export type JobKind = 'lost' | 'cancelled' | 'opening_soon';

export interface JobSpec {
  dropId: string;
  kind: JobKind;
  /** Entries from the ledger shards' pages, the drop's watchers, or a list of entries (`list`). */
  source: 'shards' | 'watchers' | 'list';
  /** For `list`: the entries (backups never promoted, at completion). */
  list?: string[];
  /** Tells two jobs of one kind apart (the backups' `lost` job). */
  suffix?: string;
  shards: number;
  drop: DropBrief;
  /** Entries that do not get this notice (winners and backups, for `lost`). */
  exclude?: string[];
  /** Wait for this many winners' notices first, but no later than `startAfter` (epoch ms). */
  waitWinners?: number;
  startAfter?: number;
}

export interface Job extends Omit<JobSpec, 'exclude' | 'list'> {
  id: string;
  status: 'waiting' | 'running' | 'done';
  cursor: Cursor;
  processed: number;
  dispatched: number;
  /** When the next page's first send is due (the job's pacing clock, core/notices/pacing.ts). */
  nextAt?: number;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
}

export const jobId = (dropId: string, kind: JobKind, suffix?: string) => `${dropId}:${kind}${suffix ? `:${suffix}` : ''}`;

export function newJob(spec: JobSpec, now: number): Job {
  const { exclude: _x, list: _l, ...rest } = spec;
  return { ...rest, id: jobId(spec.dropId, spec.kind, spec.suffix), status: 'waiting', cursor: { shard: 0, page: 0 }, processed: 0, dispatched: 0, createdAt: now };
}

/** A waiting job may start once its winners' notices are done, or once its deadline passed. */
export function ready(job: Job, winnersDone: number, now: number): boolean {
  if (job.status !== 'waiting') return job.status === 'running';
  return winnersDone >= (job.waitWinners ?? 0) || (job.startAfter !== undefined && now >= job.startAfter);
}

export const jobView = (j: Job) => ({
  kind: j.kind, status: j.status, processed: j.processed, dispatched: j.dispatched,
  ...(j.startedAt ? { startedAt: new Date(j.startedAt).toISOString() } : {}),
  ...(j.finishedAt ? { finishedAt: new Date(j.finishedAt).toISOString() } : {}),
});
