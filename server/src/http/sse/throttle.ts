/**
 * Per-drop coalescing of counts. Phase, draw, purchase and promotion events go out at once;
 * counts-only events go out at most once per `coalesceMs` per drop, and the latest one held
 * back is always sent when the gap has passed (a trailing send, never lost). Events whose
 * version is not above the highest seen for the drop are dropped as stale.
 */
import type { DropEvent } from '../../bus/bus.js';

interface DropState {
  lastVersion: number;
  lastSentAt: number;
  pending: DropEvent | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface ThrottleOptions {
  coalesceMs: number;
  now(): number;
  emit(event: DropEvent): void;
}

export class DropThrottle {
  readonly #drops = new Map<string, DropState>();
  readonly #opts: ThrottleOptions;

  constructor(opts: ThrottleOptions) {
    this.#opts = opts;
  }

  push(event: DropEvent): void {
    const id = event.drop.id;
    let s = this.#drops.get(id);
    if (!s) this.#drops.set(id, (s = { lastVersion: -1, lastSentAt: -Infinity, pending: null, timer: null }));
    if (event.drop.version <= s.lastVersion) return;
    s.lastVersion = event.drop.version;
    const wait = s.lastSentAt + this.#opts.coalesceMs - this.#opts.now();
    if (event.reason !== 'counts' || (wait <= 0 && !s.timer)) return this.#send(s, event);
    s.pending = event;
    s.timer ??= setTimeout(() => this.#flush(s), Math.max(wait, 0));
  }

  /** Drop the state of a drop nobody listens to any more. */
  forget(dropId: string): void {
    const s = this.#drops.get(dropId);
    if (s?.timer) clearTimeout(s.timer);
    this.#drops.delete(dropId);
  }

  close(): void {
    for (const id of [...this.#drops.keys()]) this.forget(id);
  }

  #send(s: DropState, event: DropEvent): void {
    // A newer full state supersedes any counts update held back.
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    s.pending = null;
    s.lastSentAt = this.#opts.now();
    this.#opts.emit(event);
  }

  #flush(s: DropState): void {
    s.timer = null;
    if (s.pending) this.#send(s, s.pending);
  }
}
