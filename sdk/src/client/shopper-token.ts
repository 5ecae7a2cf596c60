/**
 * Shopper tokens: your backend vouches for its logged-in customer. An HS256 JWT signed with
 * the merchant's shopperTokenSecret, `aud` "fairdrop", `sub` = your customer id, `exp` ≤ 1 h.
 */
import { SignJWT } from 'jose';

export interface MintShopperTokenOptions {
  /** The merchant's shopperTokenSecret (keep it on the server). */
  secret: string;
  /** Your customer's id (1–128 characters); the same customer is the same shopper in every drop. */
  customerId: string;
  /** Lifetime, 1–3600 seconds (default 900). */
  expiresInSeconds?: number;
  /** Injectable clock (ms). */
  now?: () => number;
}

/**
 * @example
 * // In your "who am I" endpoint, for a signed-in customer:
 * const shopperToken = await mintShopperToken({ secret: process.env.FAIRDROP_SHOPPER_SECRET!, customerId: user.id });
 * // then <fair-drop shopper-token="…"> or el.shopperToken = shopperToken
 */
export async function mintShopperToken(opts: MintShopperTokenOptions): Promise<string> {
  const { secret, customerId, expiresInSeconds = 900, now = Date.now } = opts;
  if (!secret) throw new TypeError('mintShopperToken needs the merchant\'s shopperTokenSecret.');
  if (!customerId || customerId.length > 128) throw new RangeError('customerId must be 1–128 characters.');
  if (!(Number.isInteger(expiresInSeconds) && expiresInSeconds >= 1 && expiresInSeconds <= 3600)) throw new RangeError('expiresInSeconds must be an integer from 1 to 3600 (Fairdrop refuses tokens valid for more than an hour).');
  const iat = Math.floor(now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(customerId)
    .setAudience('fairdrop')
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}
