/**
 * The links in a notice that work without signing in: unsubscribe and address confirmation.
 * Each is a signed token (core/tokens.ts) naming one merchant and one recipient, so a link can only
 * ever act on that merchant's list for that address; the kind is signed, so one cannot pass as the other.
 */
import { createHmac } from 'node:crypto';
import { signToken, verifyToken, type TokenCheck } from '../tokens.js';

/** Unsubscribe: merchant, recipient key, expiry. */
export interface UnsubscribePayload { m: string; r: string; x: number }
/** Confirm address: merchant, recipient key, the address itself, expiry. */
export interface ConfirmPayload { m: string; r: string; e: string; x: number }

const UNSUB_TTL_MS = 400 * 86_400_000;
const CONFIRM_TTL_MS = 7 * 86_400_000;

/** The recipient key of an address at a merchant: keyed, so ids do not reveal addresses. */
export function recipientKey(serverSecret: string, merchantId: string, email: string): string {
  const mac = createHmac('sha256', serverSecret).update(`recipient\u0000${merchantId}\u0000${email.toLowerCase()}`).digest('base64url');
  return `${merchantId}:${mac.slice(0, 27)}`;
}

export const unsubscribeToken = (secret: string, merchantId: string, rkey: string, now: number) =>
  signToken<UnsubscribePayload>('us', { m: merchantId, r: rkey, x: now + UNSUB_TTL_MS }, secret);

export const confirmToken = (secret: string, merchantId: string, rkey: string, email: string, now: number) =>
  signToken<ConfirmPayload>('ec', { m: merchantId, r: rkey, e: email, x: now + CONFIRM_TTL_MS }, secret);

/** A valid token whose recipient key belongs to the merchant it names. */
function scoped<T extends { m: string; r: string; x: number }>(check: TokenCheck<T>): TokenCheck<T> {
  if (!check.ok) return check;
  const p = check.payload;
  return typeof p.m === 'string' && typeof p.r === 'string' && p.r.startsWith(`${p.m}:`) ? check : { ok: false, reason: 'malformed' };
}

export const checkUnsubscribe = (secret: string, token: string, now: number) => scoped(verifyToken<UnsubscribePayload>('us', token, secret, now));
export const checkConfirm = (secret: string, token: string, now: number) => scoped(verifyToken<ConfirmPayload>('ec', token, secret, now));

export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/v1/public/email/unsubscribe?t=${encodeURIComponent(token)}`;
export const confirmUrl = (publicUrl: string, token: string) => `${publicUrl}/v1/public/email/confirm?t=${encodeURIComponent(token)}`;
export const verifyUrl = (publicUrl: string, dropId: string) => `${publicUrl}/v1/public/drops/${encodeURIComponent(dropId)}/record`;
