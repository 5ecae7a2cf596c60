/** The API's dependencies, injected by the composition root (main.ts) or a test. */
import type { Services } from './services.js';
import type { RateLimiter } from '../core/rate-limit.js';
import { FairdropError } from '../core/errors.js';
import type { WidgetBundle } from './widget-bundle.js';

export interface ApiConfig {
  serverSecret: string;
  adminToken: string;
  ledgerShards: number;
  /** Trust X-Forwarded-For for the client IP (only behind a proxy you run). */
  trustProxy: boolean;
  webhookAllowPrivate: boolean;
  role: string;
  version: string;
  fingerprintPro?: { secret: string; url: string };
}

export interface ApiDeps {
  services: Services;
  config: ApiConfig;
  limiter: RateLimiter;
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
