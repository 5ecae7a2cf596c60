/**
 * Connections and delivery. A connection is a few numbers and a sink; events are held
 * (latest only) while its initial state is being read, then written as shared bytes.
 */
import type { EntryState, PublicDrop } from '../../bus/bus.js';
import { activeEventId, dropEventId } from './cursor.js';
import { frame } from './frames.js';

/** Where bytes go: Hono's SSEStreamingApi satisfies it. `write` settles once the chunk is taken. */
export interface Sink {
  write(chunk: Uint8Array): Promise<unknown>;
  abort(): void;
}

/**
 * A client this many events behind is cut off rather than buffered without bound: it
 * reconnects with Last-Event-ID and gets the current state, which is all it needs.
 */
export const MAX_BACKLOG = 256;

/** Write, or end the stream of a client that stopped reading. */
export function send(c: Conn, out: Sink, bytes: Uint8Array): void {
  if (c.backlog >= MAX_BACKLOG) return out.abort();
  c.backlog++;
  void out.write(bytes).finally(() => c.backlog--);
}

export interface VersionedEntry {
  version: number | undefined;
  entry: EntryState;
}

/** A client of `/v1/public/drops/:dropId/events`. */
export interface DropConn {
  readonly kind: 'drop';
  readonly dropId: string;
  /** null until the initial state is sent; live events are held meanwhile. */
  out: Sink | null;
  /** The watching shopper's entry, once known. */
  entryId: string | null;
  dropVersion: number;
  entryVersion: number;
  heldDrop: PublicDrop | null;
  heldEntry: VersionedEntry | null;
  /** Writes not yet taken by the socket. */
  backlog: number;
}

/** A client of `/v1/public/events`. */
export interface ActiveConn {
  readonly kind: 'active';
  readonly merchantId: string;
  out: Sink | null;
  /** Highest version sent (or known to the client) per drop. */
  readonly versions: Map<string, number>;
  held: Map<string, PublicDrop> | null;
  backlog: number;
}

export type Conn = DropConn | ActiveConn;

/** Write one drop state to drop-stream connections: one encode per distinct entryVersion. */
export function deliverDrop(conns: Iterable<DropConn>, drop: PublicDrop, data: string): void {
  const frames = new Map<number, Uint8Array>();
  for (const c of conns) {
    if (drop.version <= c.dropVersion) continue;
    if (!c.out) {
      if (!c.heldDrop || c.heldDrop.version < drop.version) c.heldDrop = drop;
      continue;
    }
    c.dropVersion = drop.version;
    let bytes = frames.get(c.entryVersion);
    if (!bytes) frames.set(c.entryVersion, (bytes = frame('drop', data, dropEventId(drop.version, c.entryVersion))));
    send(c, c.out, bytes);
  }
}

/** Write one drop state to active-stream connections: one encode for all of them. */
export function deliverActive(conns: Iterable<ActiveConn>, drop: PublicDrop, data: string): void {
  let bytes: Uint8Array | undefined;
  for (const c of conns) {
    if (drop.version <= (c.versions.get(drop.id) ?? -1)) continue;
    if (!c.out) {
      const held = (c.held ??= new Map());
      if ((held.get(drop.id)?.version ?? -1) < drop.version) held.set(drop.id, drop);
      continue;
    }
    c.versions.set(drop.id, drop.version);
    send(c, c.out, (bytes ??= frame('drop', data, activeEventId(drop.id, drop.version))));
  }
}

/**
 * Write the shopper's entry state. A snapshot without a version is always sent (we cannot
 * tell whether the client has it) and leaves the id's entry part unchanged.
 */
export function deliverEntry(c: DropConn, next: VersionedEntry, data: string): void {
  if (next.version !== undefined && next.version <= c.entryVersion) return;
  if (!c.out) {
    if (!c.heldEntry || (c.heldEntry.version ?? -1) < (next.version ?? -1)) c.heldEntry = next;
    return;
  }
  if (next.version !== undefined) c.entryVersion = next.version;
  send(c, c.out, frame('entry', data, dropEventId(c.dropVersion, c.entryVersion)));
}
