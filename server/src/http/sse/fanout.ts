/**
 * Fan-out for one process: ONE bus subscription (`fairdrop.>`), connections indexed by
 * drop, by entry and by merchant, one heartbeat timer for all. An event is serialized once
 * and the same bytes are written to every connection that should receive it.
 */
import { subjects, type Bus, type BusEvent, type DropEvent, type PublicDrop } from '../../bus/bus.js';
import { deliverActive, deliverDrop, deliverEntry, send, type ActiveConn, type Conn, type DropConn, type Sink } from './conn.js';
import type { ActiveCursor, DropCursor } from './cursor.js';
import type { DrawIndex, EntrySnapshot } from './deps.js';
import { entryKey } from '../../core/ids.js';
import { entryState, standingFromRecord } from '../../core/standing.js';
import { eventData, frame } from './frames.js';
import { DropThrottle } from './throttle.js';
import { addTo, removeFrom } from './multimap.js';

export interface FanoutOptions {
  bus: Bus;
  now(): number;
  heartbeatMs: number;
  coalesceMs: number;
  onError(e: unknown): void;
  /** Winners and backups of a drawn drop (see SseDeps.drawIndex); absent: no outcome push. */
  drawIndex?(dropId: string): Promise<DrawIndex | null>;
}

export class Fanout {
  readonly #drops = new Map<string, Set<DropConn>>();
  readonly #entries = new Map<string, Set<DropConn>>();
  readonly #merchants = new Map<string, Set<ActiveConn>>();
  readonly #throttle: DropThrottle;
  readonly #opts: FanoutOptions;
  readonly #unsubscribe: () => void;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #open = 0;

  constructor(opts: FanoutOptions) {
    this.#opts = opts;
    this.#throttle = new DropThrottle({ coalesceMs: opts.coalesceMs, now: opts.now, emit: (e) => this.#emitDrop(e) });
    this.#unsubscribe = opts.bus.subscribe(subjects.all, (event) => {
      try {
        this.#onEvent(event);
      } catch (e) {
        opts.onError(e);
      }
    });
  }

  /** Connections whose stream is open. */
  get size(): number {
    return this.#open;
  }

  /** Start holding live events for a new drop-stream client, before its state is read. */
  joinDrop(dropId: string, cursor: DropCursor): DropConn {
    const conn: DropConn = { kind: 'drop', dropId, out: null, entryId: null, dropVersion: cursor.drop, entryVersion: cursor.entry, heldDrop: null, heldEntry: null, backlog: 0 };
    addTo(this.#drops, dropId, conn);
    return conn;
  }

  watchEntry(conn: DropConn, entryId: string): void {
    conn.entryId = entryId;
    addTo(this.#entries, entryKey(conn.dropId, entryId), conn);
  }

  joinActive(merchantId: string, cursor: ActiveCursor | null): ActiveConn {
    const conn: ActiveConn = { kind: 'active', merchantId, out: null, versions: new Map(), held: null, backlog: 0 };
    if (cursor) conn.versions.set(cursor.dropId, cursor.version);
    addTo(this.#merchants, merchantId, conn);
    return conn;
  }

  /** Send the initial state (or what arrived meanwhile, if newer), then go live. */
  openDrop(conn: DropConn, out: Sink, drop: PublicDrop, entry: EntrySnapshot | null): void {
    const held = conn.heldDrop;
    const heldEntry = conn.heldEntry;
    conn.heldDrop = conn.heldEntry = null;
    this.#opened(conn, out);
    const latest = held && held.version > drop.version ? held : drop;
    deliverDrop([conn], latest, eventData('drop', this.#opts.now(), { drop: latest }));
    // A held event is never older than the snapshot read after it was watched.
    const next = heldEntry ?? (entry ? splitVersion(entry) : null);
    if (next) deliverEntry(conn, next, eventData('entry', this.#opts.now(), { entry: next.entry }));
  }

  openActive(conn: ActiveConn, out: Sink, drops: PublicDrop[]): void {
    const latest = new Map(drops.map((d) => [d.id, d]));
    for (const [id, d] of conn.held ?? []) if (d.version > (latest.get(id)?.version ?? -1)) latest.set(id, d);
    conn.held = null;
    this.#opened(conn, out);
    for (const d of latest.values()) deliverActive([conn], d, eventData('drop', this.#opts.now(), { drop: d }));
  }

  leave(conn: Conn): void {
    if (conn.out) this.#open--;
    conn.out = null;
    if (this.#open === 0) this.#stopHeartbeat();
    if (conn.kind === 'active') return void removeFrom(this.#merchants, conn.merchantId, conn);
    if (conn.entryId) removeFrom(this.#entries, entryKey(conn.dropId, conn.entryId), conn);
    // Throttle state stays until the drop's next event finds no listener: a counts update
    // held back may still be owed to the merchant's active-drops clients.
    removeFrom(this.#drops, conn.dropId, conn);
  }

  close(): void {
    this.#unsubscribe();
    this.#throttle.close();
    this.#stopHeartbeat();
  }

  #opened(conn: Conn, out: Sink): void {
    conn.out = out;
    if (this.#open++ === 0) this.#startHeartbeat();
  }

  #onEvent(event: BusEvent): void {
    if (event.kind === 'entry') return this.#onEntry(event.dropId, event.entry.entryId, { version: event.version, entry: event.entry });
    if (!this.#drops.has(event.drop.id) && !this.#merchants.has(event.merchantId)) return this.#throttle.forget(event.drop.id);
    this.#throttle.push(event);
  }

  #onEntry(dropId: string, entryId: string, next: { version: number; entry: EntrySnapshot }): void {
    const conns = this.#entries.get(entryKey(dropId, entryId));
    if (!conns) return;
    const data = eventData('entry', this.#opts.now(), { entry: next.entry });
    for (const c of conns) deliverEntry(c, next, data);
  }

  #emitDrop(event: DropEvent): void {
    const data = eventData('drop', this.#opts.now(), { drop: event.drop });
    const drops = this.#drops.get(event.drop.id);
    if (drops) deliverDrop(drops, event.drop, data);
    const active = this.#merchants.get(event.merchantId);
    if (active) deliverActive(active, event.drop, data);
    if (drops && event.drop.draw && event.reason !== 'counts' && event.reason !== 'purchase') void this.#pushOutcomes(event.drop).catch(this.#opts.onError);
  }

  /**
   * After the draw (and after each promotion or completion), tell every watching shopper without
   * a purchase slot where they stand — lost, or their place on the waitlist — from the record this
   * process already holds: no per-shopper read. Slot holders hear from their holder instead.
   */
  async #pushOutcomes(drop: PublicDrop): Promise<void> {
    const index = await this.#opts.drawIndex?.(drop.id);
    const conns = this.#drops.get(drop.id);
    if (!index || !conns) return;
    // The drop event is newer than the cached record's promotion count.
    const draw = { ...index, backupsPromoted: drop.draw?.backupsPromoted ?? index.backupsPromoted };
    for (const c of conns) {
      if (!c.entryId || standingFromRecord(c.entryId, draw, drop.phase).holder) continue;
      const entry = entryState(c.entryId, draw, drop.phase, null);
      deliverEntry(c, { version: undefined, entry }, eventData('entry', this.#opts.now(), { entry }));
    }
  }

  #startHeartbeat(): void {
    this.#heartbeat = setInterval(() => this.#beat(), this.#opts.heartbeatMs);
    this.#heartbeat.unref?.();
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  #beat(): void {
    const bytes = frame('heartbeat', eventData('heartbeat', this.#opts.now()));
    for (const map of [this.#drops, this.#merchants] as Map<string, Set<Conn>>[]) {
      for (const conns of map.values()) for (const c of conns) if (c.out) send(c, c.out, bytes);
    }
  }
}

/** Entry snapshots may carry `version`; it is ours, not part of the public EntryState. */
function splitVersion(snapshot: EntrySnapshot): { version: number | undefined; entry: EntrySnapshot } {
  const { version, ...entry } = snapshot;
  return { version, entry };
}
