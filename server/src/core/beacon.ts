/**
 * The drop's wait for its drand round (DRAW-SPEC §4.1), as pure functions: what the public sees,
 * and when to try again after no relay served a valid signature.
 */
import type { Schemas } from './model.js';

/** Durable state of a drop's beacon once registration has closed. */
export interface BeaconState {
  round: number;
  /** When the round is produced (ms). */
  expectedAt: number;
  state: 'waiting' | 'retrying' | 'received';
  attempts: number;
  nextAttemptAt?: number;
  lastError?: string;
  /** The round's signature once a relay served one that verifies. */
  signature?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Backoff after `attempts` failed fetches: `first · 2^(attempts − 1)`, at most `max`. */
export function retryDelay(attempts: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
}

/** The state after a failed attempt at `now`. */
export function afterFailure(b: BeaconState, now: number, error: string, firstMs: number, maxMs: number): BeaconState {
  const attempts = b.attempts + 1;
  return { ...b, state: 'retrying', attempts, nextAttemptAt: now + retryDelay(attempts, firstMs, maxMs), lastError: error.slice(0, 1000) };
}

/** The public beacon status: from the durable state once closed, else `scheduled` from the config. */
export function beaconStatus(round: number | undefined, expectedAt: number | undefined, b: BeaconState | null | undefined): Schemas['BeaconStatus'] | undefined {
  if (round === undefined || expectedAt === undefined) return undefined;
  if (!b) return { round, expectedAt: iso(expectedAt), state: 'scheduled', attempts: 0 };
  const view: Schemas['BeaconStatus'] = { round: b.round, expectedAt: iso(b.expectedAt), state: b.state, attempts: b.attempts };
  if (b.state === 'retrying' && b.nextAttemptAt !== undefined) view.nextAttemptAt = iso(b.nextAttemptAt);
  if (b.state !== 'received' && b.lastError) view.lastError = b.lastError;
  return view;
}
