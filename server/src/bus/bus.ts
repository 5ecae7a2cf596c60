/**
 * The event bus: how durable handlers tell API/SSE processes that something changed.
 * Two implementations share this interface: NATS (when NATS_URL is set) and in-process.
 * Delivery is at-most-once and unordered across publishers; every event carries a
 * monotonic `version`, so receivers keep the highest and drop the rest.
 */
import type { components } from '@fairdrop/sdk/schema';

export type PublicDrop = components['schemas']['PublicDrop'];
export type EntryState = components['schemas']['EntryState'];

/** Subjects: `fairdrop.drop.<dropId>` and `fairdrop.entry.<dropId>.<entryId>`. */
export const subjects = {
  drop: (dropId: string) => `fairdrop.drop.${dropId}`,
  entry: (dropId: string, entryId: string) => `fairdrop.entry.${dropId}.${entryId}`,
  all: 'fairdrop.>',
} as const;

/** Public drop state changed (phase, counts, draw). `drop.serverTime` is the publish time. */
export interface DropEvent {
  kind: 'drop';
  merchantId: string;
  /** Phase changes are sent at once; count-only updates may be coalesced by receivers. */
  reason: 'phase' | 'counts' | 'draw' | 'purchase' | 'promotion';
  drop: PublicDrop;
}

/** One entry's own state changed (won, promoted, purchased, expired). */
export interface EntryEvent {
  kind: 'entry';
  dropId: string;
  /** Monotonic per entry. */
  version: number;
  entry: EntryState;
}

export type BusEvent = DropEvent | EntryEvent;

export interface Bus {
  publish(subject: string, event: BusEvent): Promise<void>;
  /** NATS-style wildcards (`*` one token, `>` the rest). Returns an unsubscribe function. */
  subscribe(subject: string, handler: (event: BusEvent, subject: string) => void): () => void;
  close(): Promise<void>;
}
