/**
 * The in-process bus: the embedded default when no NATS_URL is set.
 * Semantics match the NATS bus on purpose, so code tested here behaves the same there:
 * events are copied through JSON once per publish (a subscriber never shares the
 * publisher's object), handlers run later via queueMicrotask (a publisher never runs
 * subscriber code synchronously), and a throwing handler is logged, never breaks others.
 */
import type { Bus, BusEvent } from './bus.js';
import { isPublishable, subjectMatches } from './match.js';

type Handler = (event: BusEvent, subject: string) => void;
interface Sub { pattern: string; handler: Handler }

export interface MemoryBusOptions {
  /** Called when a handler throws. Default: console.error. */
  onError?: (error: unknown, subject: string) => void;
}

export class MemoryBus implements Bus {
  readonly #subs = new Set<Sub>();
  readonly #onError: (error: unknown, subject: string) => void;
  #closed = false;

  constructor(options: MemoryBusOptions = {}) {
    this.#onError = options.onError ?? ((e, subject) => console.error(`bus handler failed for ${subject}:`, e));
  }

  async publish(subject: string, event: BusEvent): Promise<void> {
    if (this.#closed) throw new Error('The bus is closed; create a new one to publish.');
    if (!isPublishable(subject)) throw new Error(`Cannot publish to "${subject}": wildcards and empty tokens are for subscribers.`);
    const json = JSON.stringify(event);
    for (const sub of this.#subs) {
      if (!subjectMatches(sub.pattern, subject)) continue;
      const copy = JSON.parse(json) as BusEvent;
      queueMicrotask(() => this.#deliver(sub, copy, subject));
    }
  }

  subscribe(subject: string, handler: Handler): () => void {
    if (this.#closed) throw new Error('The bus is closed; create a new one to subscribe.');
    const sub: Sub = { pattern: subject, handler };
    this.#subs.add(sub);
    return () => void this.#subs.delete(sub);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subs.clear();
  }

  #deliver(sub: Sub, event: BusEvent, subject: string): void {
    // Unsubscribed between publish and delivery: drop it, as NATS would.
    if (!this.#subs.has(sub)) return;
    try {
      sub.handler(event, subject);
    } catch (e) {
      this.#onError(e, subject);
    }
  }
}
