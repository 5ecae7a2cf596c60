/** The API's dependencies, injected by the composition root (main.ts) or a test. */
import type { Services } from './services.js';
import type { NoticeDurable } from './notice-client.js';
import type { RateLimiter } from '../core/rate-limit.js';
import { FairdropError } from '../core/errors.js';
import type { ProxyTrust } from '../core/client-address.js';
import type { SecretKeyring } from '../core/secret-box.js';
import type { WidgetBundle } from './widget-bundle.js';

export interface ApiConfig {
  serverSecret: string;
  adminToken: string;
  ledgerShards: number;
  /** Proxies trusted for X-Forwarded-For (null: use the socket's peer address). */
  trustProxy: ProxyTrust;
  webhookAllowPrivate: boolean;
  role: string;
  version: string;
  fingerprintPro?: { secret: string; url: string };
  /** Shopper email: the default background rate (SMTP passwords are sealed with `secretKeys`). */
  email?: { defaultRate: number };
  /** Seals merchant secrets before they reach Restate. */
  secretKeys: SecretKeyring;
}

export interface ApiDeps {
  /** The notice objects (shopper email); the email routes answer 503 without them. */
  notices?: NoticeDurable;
  services: Services;
  config: ApiConfig;
  limiter: RateLimiter;
  /** Per-client bucket on merchant and operator routes. */
  merchantLimiter: RateLimiter;
  /** Per-client budget of failed authentications (see authFailureGuard). */
  authFailures: RateLimiter;
  /** Counts each client's recent challenges (not a limit): difficulty rises with it. */
  challengeCounter: RateLimiter;
  now: () => number;
  random: (n: number) => Uint8Array;
  fetch: typeof fetch;
  log: (msg: string, extra?: Record<string, unknown>) => void;
  /** The built widget to serve at /v1/widget (default: read from @fairdrop/widget's dist/; null: none). */
  widget?: WidgetBundle | null;
}

export async function readJson(req: { json: () => Promise<unknown>; header: (n: string) => string | undefined }): Promise<unknown> {
  const type = req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json/i.test(type)) throw new FairdropError('unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".');
  try {
    return await req.json();
  } catch {
    throw new FairdropError('validation_failed', 'The body is not valid JSON.');
  }
}
