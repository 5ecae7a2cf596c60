/**
 * Webhook signatures, both schemes Fairdrop sends: Standard Webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64>`; see standard.ts) and, during its
 * deprecation period, `Fairdrop-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * keyed with the whole webhookSecret. Pass the request's headers and the Standard scheme is
 * checked when present; pass one header string and it is read as `Fairdrop-Signature`.
 * Verification returns a result object rather than throwing; the clock and the tolerance are
 * injectable. Sync and runtime-neutral (@noble/hashes), so it runs in Node, Deno, Bun and edge workers alike.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { components } from '../generated/schema.js';
import { computeStandardSignature, parseStandardSignatures, sameText } from './standard.js';

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

const sameHex = sameText;

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

/** Request headers: a fetch `Headers`, or a plain object as Node and Express give them (lower-case names). */
export type WebhookHeaders = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(h: WebhookHeaders, name: string): string | undefined {
  if (typeof (h as { get?: unknown }).get === 'function') return (h as { get(n: string): string | null }).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

const outside = (age: number, tolerance: number): WebhookVerification => ({ ok: false, reason: 'timestamp_outside_tolerance', message: `The signature is ${age}s old, outside the ${tolerance}s tolerance. Check the server clock; replayed deliveries are refused on purpose.` });
const mismatch: WebhookVerification = { ok: false, reason: 'signature_mismatch', message: 'The signature does not match. Use the raw request body (not parsed and re-serialized JSON) and the webhookSecret of this merchant.' };

function parsed(rawBody: string | Uint8Array, t: number): WebhookVerification {
  try {
    return { ok: true, event: JSON.parse(bodyText(rawBody)) as WebhookEvent, timestamp: t };
  } catch {
    return { ok: false, reason: 'invalid_json', message: 'The body is signed but is not JSON.' };
  }
}

function verifyStandard(rawBody: string | Uint8Array, h: WebhookHeaders, secret: string, toleranceSeconds: number, nowMs: number): WebhookVerification {
  const id = header(h, 'webhook-id');
  const ts = header(h, 'webhook-timestamp');
  const sigs = parseStandardSignatures(header(h, 'webhook-signature') ?? '');
  if (!id || !ts || !/^\d{1,12}$/.test(ts) || !sigs.length) return { ok: false, reason: 'malformed_header', message: 'Standard Webhooks headers need webhook-id, webhook-timestamp (unix seconds) and webhook-signature "v1,<base64>".' };
  const t = Number(ts);
  const age = Math.floor(nowMs / 1000) - t;
  if (Math.abs(age) > toleranceSeconds) return outside(age, toleranceSeconds);
  const expected = computeStandardSignature(secret, id, t, bodyText(rawBody));
  return sigs.some((s) => sameText(s, expected)) ? parsed(rawBody, t) : mismatch;
}

/**
 * Checks a webhook request. Pass the RAW body exactly as received (not re-serialized JSON), and
 * either the request's headers (Standard Webhooks, or `fairdrop-signature` when that is all there
 * is) or the `Fairdrop-Signature` header's value alone (the deprecated scheme).
 *
 * @example
 * app.post('/webhooks/fairdrop', express.raw({ type: 'application/json' }), (req, res) => {
 *   const v = verifyWebhook(req.body, req.headers, process.env.FAIRDROP_WEBHOOK_SECRET!);
 *   if (!v.ok) return res.status(400).send(v.message);
 *   handle(v.event); // dedupe by v.event.id: deliveries are retried
 *   res.sendStatus(200);
 * });
 */
export function verifyWebhook(rawBody: string | Uint8Array, headersOrSignature: WebhookHeaders | string | null | undefined, secret: string, opts: VerifyWebhookOptions = {}): WebhookVerification {
  const { toleranceSeconds = 300, now = Date.now } = opts;
  let signatureHeader: string | null | undefined;
  if (headersOrSignature && typeof headersOrSignature === 'object') {
    if (header(headersOrSignature, 'webhook-signature') !== undefined) return verifyStandard(rawBody, headersOrSignature, secret, toleranceSeconds, now());
    signatureHeader = header(headersOrSignature, 'fairdrop-signature');
  } else signatureHeader = headersOrSignature;
  if (!signatureHeader) return { ok: false, reason: 'missing_header', message: 'No webhook-signature or Fairdrop-Signature header. Is this request from Fairdrop, and does your framework pass headers through?' };
  const legacy = parseHeader(signatureHeader);
  if (!legacy) return { ok: false, reason: 'malformed_header', message: 'The Fairdrop-Signature header is not "t=<unix seconds>,v1=<64 hex>".' };
  const age = Math.floor(now() / 1000) - legacy.t;
  if (Math.abs(age) > toleranceSeconds) return outside(age, toleranceSeconds);
  const expected = computeSignature(secret, legacy.t, rawBody);
  return legacy.v1.some((s) => sameHex(s, expected)) ? parsed(rawBody, legacy.t) : mismatch;
}

/** Signs a fixture with Standard Webhooks headers, the way Fairdrop does, for your tests. */
export function signStandardWebhookForTest(rawBody: string, secret: string, opts: { timestamp?: number; id?: string } = {}): Record<string, string> {
  const t = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const id = opts.id ?? 'msg_test';
  return { 'webhook-id': id, 'webhook-timestamp': String(t), 'webhook-signature': `v1,${computeStandardSignature(secret, id, t, rawBody)}` };
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
