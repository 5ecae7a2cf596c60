/**
 * The NATS bus: fan-out between processes (API, worker and SSE replicas).
 * Plain core NATS publish/subscribe, JSON payloads, at-most-once: a receiver keeps the
 * highest `version` it has seen, so a lost, duplicated or reordered event is harmless.
 * The client reconnects forever and re-subscribes on its own; `close()` drains, so
 * messages already received are handled before the connection ends.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Bus, BusEvent } from './bus.js';
import { isPublishable } from './match.js';

type Handler = (event: BusEvent, subject: string) => void;

export interface NatsBusOptions {
  /** Connection name shown by the NATS server (`nats server report connections`). */
  name?: string;
  /** Called when a payload cannot be decoded or a handler throws. Default: console.error. */
  onError?: (error: unknown, subject: string) => void;
}

const encoder = new TextEncoder();

export class NatsBus implements Bus {
  readonly #nc: NatsConnection;
  readonly #onError: (error: unknown, subject: string) => void;

  private constructor(nc: NatsConnection, onError: (error: unknown, subject: string) => void) {
    this.#nc = nc;
    this.#onError = onError;
  }

  /**
   * Connect to `servers` (e.g. `nats://127.0.0.1:4222`, comma-separated for a cluster).
   * @example const bus = await NatsBus.connect(process.env.NATS_URL!);
   */
  static async connect(servers: string, options: NatsBusOptions = {}): Promise<NatsBus> {
    const nc = await connect({
      servers: servers.split(',').map((s) => s.trim()),
      name: options.name ?? 'fairdrop',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
    return new NatsBus(nc, options.onError ?? ((e, subject) => console.error(`bus handler failed for ${subject}:`, e)));
  }

  async publish(subject: string, event: BusEvent): Promise<void> {
    if (!isPublishable(subject)) throw new Error(`Cannot publish to "${subject}": wildcards and empty tokens are for subscribers.`);
    this.#nc.publish(subject, encoder.encode(JSON.stringify(event)));
  }

  subscribe(subject: string, handler: Handler): () => void {
    const sub = this.#nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return this.#onError(err, subject);
        try {
          handler(msg.json<BusEvent>(), msg.subject);
        } catch (e) {
          this.#onError(e, msg.subject);
        }
      },
    });
    return () => sub.unsubscribe();
  }

  /** Resolves once the server has processed everything sent so far (subscriptions included). */
  async flush(): Promise<void> {
    await this.#nc.flush();
  }

  async close(): Promise<void> {
    if (this.#nc.isClosed()) return;
    await this.#nc.drain();
  }
}
