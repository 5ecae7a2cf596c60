/**
 * Stateless signed tokens: `<kind>.<base64url(JSON payload)>.<base64url(HMAC-SHA256)>`.
 * Used for proof-of-work challenges (`pow`) and purchase tokens (`pt`). The kind is signed
 * too, so a token of one kind can never pass as another. Verification returns a result.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenCheck<T> =
  | { ok: true; payload: T }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const mac = (secret: string, kind: string, body: string) =>
  createHmac('sha256', secret).update(`${kind}.${body}`).digest('base64url');

/** Sign a payload that carries its expiry `x` (epoch ms). */
export function signToken<T extends { x: number }>(kind: string, payload: T, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${kind}.${body}.${mac(secret, kind, body)}`;
}

/** Verify signature and expiry at `nowMs`. */
export function verifyToken<T extends { x: number }>(kind: string, token: string, secret: string, nowMs: number): TokenCheck<T> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== kind) return { ok: false, reason: 'malformed' };
  const [, body, sig] = parts as [string, string, string];
  const expected = Buffer.from(mac(secret, kind, body));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let payload: T;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload !== 'object' || payload === null || typeof payload.x !== 'number') return { ok: false, reason: 'malformed' };
  if (nowMs >= payload.x) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/** Proof-of-work challenge: drop, shopper binding (hash), expiry, nonce, difficulty. */
export interface PowPayload { d: string; s: string; x: number; n: string; b: number }
/** Purchase token: drop, entry, holder nonce, expiry, and the merchant's customer id (absent for anonymous shoppers). */
export interface PurchasePayload { d: string; e: string; n: string; x: number; c?: string }
