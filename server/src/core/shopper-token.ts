/**
 * Shopper tokens: JWS compact HS256 tokens a merchant's backend signs for its signed-in customer.
 * Verified synchronously with node:crypto (jose's WebCrypto verify cost about a fifth of the
 * registration path's CPU), with the same rules as jose's jwtVerify({ algorithms: ['HS256'],
 * audience: 'fairdrop', requiredClaims: ['sub', 'exp'], clockTolerance }) — the unit test checks
 * the two agree case by case.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const B64URL = /^[A-Za-z0-9_-]+$/;
/** A shopper token lives at most an hour; `exp` may be up to a minute further out (clock skew between merchant and Fairdrop). */
export const MAX_TOKEN_LIFETIME_S = 3600;
export const LIFETIME_LEEWAY_S = 60;
const claimJson = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numericDate = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

/**
 * Verify a shopper token: header alg HS256 and no `crit`; the signature; aud "fairdrop" (string or list);
 * exp required; exp, nbf, iat numeric when present; exp > now − tolerance, nbf ≤ now + tolerance;
 * exp at most {@link MAX_TOKEN_LIFETIME_S} + {@link LIFETIME_LEEWAY_S} ahead (jose has no such rule); sub a string.
 * Returns `sub`, or null when anything fails.
 */
export function verifyShopperToken(token: string, secret: string, nowMs: number, toleranceS = 5): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let header: unknown, claims: unknown;
  try { header = claimJson(head); claims = claimJson(body); } catch { return null; }
  if (!isObj(header) || header.alg !== 'HS256' || header.crit !== undefined || header.b64 !== undefined || !isObj(claims)) return null;
  const now = Math.floor(nowMs / 1000);
  const aud = claims.aud;
  if (!(aud === 'fairdrop' || (Array.isArray(aud) && aud.includes('fairdrop')))) return null;
  if (!numericDate(claims.exp) || !numericDate(claims.nbf) || !numericDate(claims.iat) || claims.exp === undefined) return null;
  if ((claims.exp as number) <= now - toleranceS) return null;
  if ((claims.exp as number) > now + MAX_TOKEN_LIFETIME_S + LIFETIME_LEEWAY_S) return null;
  if (claims.nbf !== undefined && (claims.nbf as number) > now + toleranceS) return null;
  return typeof claims.sub === 'string' ? claims.sub : null;
}

