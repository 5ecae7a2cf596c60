/**
 * Webhook signatures: `Fairdrop-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * keyed with the merchant's webhookSecret. Verification returns a result object rather than
 * throwing; the clock and the tolerance are injectable. Sync and runtime-neutral
 * (@noble/hashes), so it runs in Node, Deno, Bun and edge workers alike.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { components } from '../generated/schema.js';

export type WebhookEvent = components['schemas']['WebhookEvent'];

export const WEBHOOK_FAILURES = ['missing_header', 'malformed_header', 'timestamp_outside_tolerance', 'signature_mismatch', 'invalid_json'] as const;
export type WebhookFailure = (typeof WEBHOOK_FAILURES)[number];

export type WebhookVerification =
  | { ok: true; event: WebhookEvent; timestamp: number }
  | { ok: false; reason: WebhookFailure; message: string };

export interface VerifyWebhookOptions {
  /** Largest accepted age (and clock skew) in seconds; default 300. */
  toleranceSeconds?: number;
  /** The current time in ms (injectable for tests); default Date.now(). */
  now?: () => number;
}

const encoder = new TextEncoder();
const HEX = '0123456789abcdef';

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b >> 4]! + HEX[b & 15]!;
  return s;
}

/** Constant-time comparison of two hex strings. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const bodyText = (raw: string | Uint8Array) => (typeof raw === 'string' ? raw : new TextDecoder().decode(raw));

/** The `v1` signature of a body at time `t` (unix seconds). */
export function computeSignature(secret: string, t: number, rawBody: string | Uint8Array): string {
  return hex(hmac(sha256, encoder.encode(secret), encoder.encode(`${t}.${bodyText(rawBody)}`)));
}

function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t = NaN;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2) as [string, string | undefined];
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) v1.push(v);
  }
  return Number.isFinite(t) && v1.length ? { t, v1 } : null;
}

/**
 * Checks a webhook request. Pass the RAW body exactly as received (not re-serialized JSON).
 *
 * @example
 * app.post('/webhooks/fairdrop', express.raw({ type: 'application/json' }), (req, res) => {
 *   const v = verifyWebhook(req.body, req.get('fairdrop-signature'), process.env.FAIRDROP_WEBHOOK_SECRET!);
 *   if (!v.ok) return res.status(400).send(v.message);
 *   handle(v.event); // dedupe by v.event.id: deliveries are retried
 *   res.sendStatus(200);
 * });
 */
export function verifyWebhook(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, secret: string, opts: VerifyWebhookOptions = {}): WebhookVerification {
  const { toleranceSeconds = 300, now = Date.now } = opts;
  if (!signatureHeader) return { ok: false, reason: 'missing_header', message: 'No Fairdrop-Signature header. Is this request from Fairdrop, and does your framework pass headers through?' };
  const parsed = parseHeader(signatureHeader);
  if (!parsed) return { ok: false, reason: 'malformed_header', message: 'The Fairdrop-Signature header is not "t=<unix seconds>,v1=<64 hex>".' };
  const age = Math.floor(now() / 1000) - parsed.t;
  if (Math.abs(age) > toleranceSeconds) {
    return { ok: false, reason: 'timestamp_outside_tolerance', message: `The signature is ${age}s old, outside the ${toleranceSeconds}s tolerance. Check the server clock; replayed deliveries are refused on purpose.` };
  }
  const expected = computeSignature(secret, parsed.t, rawBody);
  if (!parsed.v1.some((s) => sameHex(s, expected))) {
    return { ok: false, reason: 'signature_mismatch', message: 'The signature does not match. Use the raw request body (not parsed and re-serialized JSON) and the webhookSecret of this merchant.' };
  }
  try {
    return { ok: true, event: JSON.parse(bodyText(rawBody)) as WebhookEvent, timestamp: parsed.t };
  } catch {
    return { ok: false, reason: 'invalid_json', message: 'The body is signed but is not JSON.' };
  }
}

/**
 * Signs a fixture the way Fairdrop does, for your tests.
 * @example
 * const body = JSON.stringify({ id: 'evt_1', type: 'entry.won', createdAt, dropId, data: {} });
 * const header = signWebhookForTest(body, secret);
 * expect(verifyWebhook(body, header, secret).ok).toBe(true);
 */
export function signWebhookForTest(rawBody: string | Uint8Array, secret: string, opts: { timestamp?: number } = {}): string {
  const t = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return `t=${t},v1=${computeSignature(secret, t, rawBody)}`;
}
