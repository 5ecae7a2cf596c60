/**
 * Shared helpers for Fairdrop's k6 scripts: configuration from __ENV, merchant-signed shopper
 * tokens minted in k6, and the registration proof of work solved in k6 — so a test needs no
 * pre-generated files.
 *
 * Shopper tokens. The merchant's backend signs them in production (HS256, `aud` "fairdrop",
 * `sub` = customer id, `exp` ≤ 1 h). For a load test, give k6 the merchant's shopper-token secret
 * (SHOPPER_TOKEN_SECRET, `sts_…`, returned once when the merchant was created) and each VU mints
 * its own with k6/crypto: base64url(header).base64url(payload).HMAC-SHA256 — exactly what `jose`
 * or any JWT library produces. Use a test merchant; never a production secret.
 *
 * Proof of work (`sha256-prefix64-u64be`). A solution is a nonce n with
 * SHA-256(prefix || u64be(n)) starting with `difficulty` zero bits, where `prefix` is the 64 hex
 * characters the challenge response carries. One k6/crypto hash per nonce costs a few µs, so a
 * solve takes about 2^difficulty hashes: create load-test drops with a low `powDifficulty`
 * (8–12 bits); at the default 18 bits each registration costs the load generator about a second
 * of CPU — much like a shopper's phone. Challenges expire after 5 minutes and are single use.
 *
 * One address. Fairdrop rate-limits and raises the PoW difficulty per client address, so a load
 * generator on one machine looks like one very busy client. Run the server under test with
 * FAIRDROP_TRUST_PROXY=true: each shopper then sends its own X-Forwarded-For (below), as a crowd
 * behind your load balancer would. Never enable that setting on a server reachable directly.
 */
import http from 'k6/http';
import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import type { RefinedResponse, ResponseType } from 'k6/http';

export const BASE_URL = (__ENV.BASE_URL ?? 'http://127.0.0.1:3003').replace(/\/$/, '');
export const PUBLISHABLE_KEY = __ENV.PUBLISHABLE_KEY ?? '';
export const SECRET_KEY = __ENV.SECRET_KEY ?? '';
export const SHOPPER_TOKEN_SECRET = __ENV.SHOPPER_TOKEN_SECRET ?? '';
export const DROP_ID = __ENV.DROP_ID ?? '';
export const ORIGIN = __ENV.ORIGIN ?? '';
/** Prefix of the customer ids this run registers, so repeated runs use fresh shoppers. */
export const SHOPPER_PREFIX = __ENV.SHOPPER_PREFIX ?? `k6-${Date.now().toString(36)}`;

export function requireEnv(names: string[]): void {
  const missing = names.filter((n) => !__ENV[n]);
  if (missing.length) throw new Error(`set ${missing.join(', ')} (k6 run -e NAME=value …); see the header of the script`);
}

const b64url = (text: string) => encoding.b64encode(text, 'rawurl');

/** An HS256 shopper token for `customerId`, as the merchant's backend would sign it. */
export function shopperToken(customerId: string, secret = SHOPPER_TOKEN_SECRET, ttlSeconds = 900): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: customerId, aud: 'fairdrop', iat: now, exp: now + ttlSeconds }));
  const sig = crypto.hmac('sha256', secret, `${head}.${body}`, 'base64rawurl');
  return `${head}.${body}.${sig}`;
}

/** Storefront headers for a shopper: publishable key, shopper token, and the page's Origin if set. */
export function shopperHeaders(customerId: string): Record<string, string> {
  const h: Record<string, string> = { 'Fairdrop-Key': PUBLISHABLE_KEY, 'Fairdrop-Shopper': shopperToken(customerId), 'Content-Type': 'application/json' };
  if (ORIGIN) h.Origin = ORIGIN;
  h['X-Forwarded-For'] = addressOf(customerId);
  return h;
}

/** A stable made-up client address per customer (10.x.y.z), for FAIRDROP_TRUST_PROXY servers. */
function addressOf(customerId: string): string {
  let h = 0;
  for (let i = 0; i < customerId.length; i++) h = (h * 31 + customerId.charCodeAt(i)) >>> 0;
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${h & 255}`;
}

function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) { bits += 8; continue; }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Solve a challenge: the smallest nonce giving `difficulty` leading zero bits (null past `limit`). */
export function solvePow(prefix: string, difficulty: number, limit = 2 ** 28): number | null {
  const buf = new ArrayBuffer(72);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < 64; i++) bytes[i] = prefix.charCodeAt(i);
  const view = new DataView(buf);
  for (let n = 0; n < limit; n++) {
    view.setUint32(64, Math.floor(n / 2 ** 32));
    view.setUint32(68, n >>> 0);
    if (leadingZeroBits(new Uint8Array(crypto.sha256(buf, 'binary'))) >= difficulty) return n;
  }
  return null;
}

/** Browser-like signals (the widget sends these); they pass the default trust threshold with the PoW. */
export const humanSignals = {
  signals: { dwellMs: 4200, pointerEvents: 12, keyEvents: 3, focusChanges: 2, webdriver: false },
  fingerprint: { visitorId: 'k6visitor0001', components: { platform: 'Linux', timezone: 'Europe/Berlin', screen: '1920x1080', languages: 'en', cores: 8, userAgent: 'k6' } },
};

export interface Challenge { algorithm: string; challenge: string; prefix: string; difficulty: number; expiresAt: string }

/** Ask for a challenge (tagged `challenge`); null unless 200. */
export function fetchChallenge(dropId: string, headers: Record<string, string>): Challenge | null {
  const res = http.post(`${BASE_URL}/v1/public/drops/${dropId}/challenge`, null, { headers, tags: { name: 'challenge' } });
  return res.status === 200 ? (res.json() as unknown as Challenge) : null;
}

/** Solve and register (tagged `register`); the caller checks 201 (new) or 200 (repeat). */
export function register(dropId: string, headers: Record<string, string>, challenge: Challenge, tickets = 1): RefinedResponse<ResponseType | undefined> {
  const nonce = solvePow(challenge.prefix, challenge.difficulty);
  const body = JSON.stringify({ tickets, pow: { challenge: challenge.challenge, nonce }, ...humanSignals });
  return http.post(`${BASE_URL}/v1/public/drops/${dropId}/entries`, body, { headers, tags: { name: 'register' } });
}

/** The stable problem `code` of an error response, or '' (for tagging failures). */
export function problemCode(res: { body: unknown; status: number }): string {
  try {
    return String((JSON.parse(String(res.body)) as { code?: string }).code ?? res.status);
  } catch {
    return String(res.status);
  }
}
