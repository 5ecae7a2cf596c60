/**
 * What the durable handlers need from the outside world, injected once by the composition root
 * (main.ts). Handlers reach it only inside ctx.run, so replays never repeat its side effects.
 */
import type { Bus } from '../bus/bus.js';
import type { SecretKeyring } from '../core/secret-box.js';
import type { DrandConfig } from '../config.js';

export interface DurableDeps {
  bus: Bus;
  /** Signs purchase tokens and derives entry ids (also known to the API role). */
  serverSecret: string;
  /** Outbound HTTP for webhooks (injectable for tests). */
  fetch: typeof fetch;
  /** Allow webhook deliveries to private addresses (development only). */
  webhookAllowPrivate: boolean;
  /** Opens (and re-seals) merchant secrets stored sealed in Restate state. */
  secretKeys: SecretKeyring;
  log: (msg: string, extra?: Record<string, unknown>) => void;
  /** The drand chain drops commit to and the relays its rounds are fetched from. */
  drand: DrandConfig;
}

let current: DurableDeps | undefined;

export function setDurableDeps(deps: DurableDeps): void {
  current = deps;
}

export function durableDeps(): DurableDeps {
  if (!current) throw new Error('durable dependencies are not configured: call setDurableDeps() at start-up');
  return current;
}
