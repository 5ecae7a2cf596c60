import type { Bus, EntryState, PublicDrop } from '../../bus/bus.js';
import type { DrawIndex as FullDrawIndex } from '../../core/model.js';

/** The lookups the stream needs from a draw record (core/model.ts `DrawIndex`). */
export type DrawIndex = Pick<FullDrawIndex, 'winners' | 'backupIndex' | 'backupsPromoted'>;

/** The shopper's entry as read at connect time; `version` (when known) lets a resume skip it. */
export type EntrySnapshot = EntryState & { version?: number };

/**
 * What the SSE app needs from the rest of the system. Everything is injected: the app
 * reads no environment and keeps no globals, so tests and benchmarks pass stubs.
 * A FairdropError thrown by these functions becomes its problem document (the API's
 * vocabulary); anything else becomes a 500 `internal_error`.
 */
export interface SseDeps {
  bus: Bus;
  /** Current public state (null = unknown drop). Throws a problem error for bad input. */
  getDrop(dropId: string): Promise<{ merchantId: string; drop: PublicDrop } | null>;
  /** Merchant's active drops (scheduled|registration|closed|purchase). */
  activeDrops(merchantId: string): Promise<PublicDrop[]>;
  /** Validate a publishable key + Origin; returns the merchantId or throws. */
  authPublishable(key: string | undefined, origin: string | undefined): Promise<{ merchantId: string }>;
  /**
   * Resolve the shopper's entry id for this drop from a shopper token or anonymous id
   * (null: not given, or no entry). Throws on an invalid token. `state()` may include the
   * entry's `version`; without it a reconnecting client is always sent the entry again.
   */
  shopperEntry(
    dropId: string,
    merchantId: string,
    who: { shopperToken?: string; anonymousId?: string },
  ): Promise<{ entryId: string; state: () => Promise<EntrySnapshot | null> } | null>;
  /**
   * Winners and backups of a drawn drop, for pushing outcomes to shoppers without a slot straight
   * from the record (null before the draw). Optional: without it, clients read their outcome.
   */
  drawIndex?(dropId: string): Promise<DrawIndex | null>;
  now(): number;
  /** Interval of `heartbeat` events. Default 15000. */
  heartbeatMs?: number;
  /** Minimum gap between counts-only updates of one drop. Default 500 (≤ 2/s). */
  coalesceMs?: number;
  /** `retry:` hint sent to clients on connect. Default 3000. */
  retryMs?: number;
  /** Unexpected failures (bus handler errors; 5xx when `log` is absent). Default console.error. */
  onError?(e: unknown): void;
  /** Log lines for failed requests (5xx), with their request id. */
  log?(msg: string, extra?: Record<string, unknown>): void;
}
