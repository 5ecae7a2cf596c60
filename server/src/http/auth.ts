/**
 * Who is calling, as middleware that sets typed `c.var` (handlers read, never check): the operator
 * token, the merchant (secret key, or publishable key + allowed Origin), the drop it owns, and the
 * shopper (merchant-signed HS256 token, or an anonymous id where the drop allows it).
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { BaseEnv } from './common.js';
import type { DropInfo } from './services.js';
import { shardOf } from '../core/ids.js';
import { timingSafeEqual } from 'node:crypto';
import { FairdropError } from '../core/errors.js';
import { sha256Hex } from '../core/ids.js';
import { verifyShopperToken } from '../core/shopper-token.js';
import type { MerchantRecord } from '../durable/api.js';
import type { DropConfig } from '../core/model.js';
import type { Services } from './services.js';

const KEY = /^(sk|pk)_([A-Za-z0-9]{1,40})_([A-Za-z0-9]{10,64})$/;
const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function bearer(c: Context): string | undefined {
  const h = c.req.header('authorization');
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/** The shopper of a storefront request: their id for this merchant and their ledger shard. */
export interface Shopper { id: string; shard: number }

/** What the auth middleware set; a route reads only what its middleware guarantees. */
export type ApiEnv = BaseEnv & { Variables: { merchant: MerchantRecord; drop: DropInfo; shopper: Shopper } };

function requireOperator(c: Context, adminToken: string): void {
  const token = bearer(c);
  if (!token || !adminToken || !sameText(token, adminToken)) throw new FairdropError('unauthorized', 'Send the operator token as "Authorization: Bearer <FAIRDROP_ADMIN_TOKEN>".');
}

/** The merchant of a secret key `sk_<merchantId>_<secret>`. */
async function requireSecretKey(c: Context, services: Services): Promise<MerchantRecord> {
  const key = bearer(c);
  const m = key ? KEY.exec(key) : null;
  if (!key || !m || m[1] !== 'sk') throw new FairdropError('unauthorized', 'Send your secret key as "Authorization: Bearer sk_…". Keep it on your server; storefronts use the publishable key.');
  const merchant = await services.merchant(m[2]!);
  if (!merchant || !sameText(sha256Hex(key), merchant.secretKeyHash)) throw new FairdropError('unauthorized', 'This secret key is not valid. Check for typos or issue a new one.');
  return merchant;
}


/** The merchant of a publishable key, checking the page's Origin against the allow-list (also used by the SSE role). */
export async function verifyPublishableKey(services: Services, key: string | undefined, origin: string | undefined): Promise<MerchantRecord> {
  const m = key ? KEY.exec(key) : null;
  if (!key || !m || m[1] !== 'pk') throw new FairdropError('unauthorized', 'Send the publishable key (pk_…) in the Fairdrop-Key header or the "key" query parameter.');
  const merchant = await services.merchant(m[2]!);
  if (!merchant || !sameText(key, merchant.publishableKey)) throw new FairdropError('unauthorized', 'This publishable key is not valid. Copy it again from your Fairdrop settings.');
  checkOrigin(merchant, origin);
  return merchant;
}

/** An allow-list entry as browsers send it in Origin: lower-case host, no path, no default port. */
const originOf = (url: string) => { try { return new URL(url).origin; } catch { return url; } };

/** An empty allow-list allows every origin; otherwise a browser Origin must be listed. */
export function checkOrigin(merchant: MerchantRecord, origin: string | undefined): void {
  if (!origin || merchant.allowedOrigins.length === 0) return;
  if (!merchant.allowedOrigins.some((o) => originOf(o) === origin)) {
    throw new FairdropError('origin_not_allowed', `The website ${origin} is not on this merchant's allow-list. Add it with PATCH /v1/merchant.`);
  }
}

/** The shopper's id for this drop: a token's `sub`, or `anon_<id>` when the drop allows anonymous entry. */
export async function shopperId(merchant: MerchantRecord, config: DropConfig, who: { token?: string | undefined; anonymousId?: string | undefined }, nowMs: number): Promise<string> {
  if (who.token) {
    try {
      const sub = verifyShopperToken(who.token, merchant.shopperTokenSecret, nowMs);
      if (!sub || sub.length > 128) throw new Error('bad token');
      return `c_${sub}`;
    } catch {
      throw new FairdropError('shopper_token_invalid', 'The shopper token is invalid or expired. Sign a fresh one on your server (HS256, aud "fairdrop", sub = customer id, exp ≤ 1 h).');
    }
  }
  if (who.anonymousId) {
    if (!config.allowAnonymous) throw new FairdropError('anonymous_not_allowed', 'This drop is for signed-in customers. Please sign in to the store and try again.');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(who.anonymousId)) throw new FairdropError('validation_failed', 'The anonymous id must be 16–64 of A–Z a–z 0–9 _ -.');
    return `a_${who.anonymousId}`;
  }
  throw new FairdropError('shopper_required', 'Send a shopper token (Fairdrop-Shopper) or, where the drop allows it, an anonymous id (Fairdrop-Anonymous-Id).');
}

const shopperHeaders = (c: Context) => ({
  token: c.req.header('fairdrop-shopper') ?? c.req.query('shopper'),
  anonymousId: c.req.header('fairdrop-anonymous-id') ?? c.req.query('anonymousId'),
});

// ---------------------------------------------------------------- middleware

export const operator = (adminToken: string) => createMiddleware<BaseEnv>(async (c, next) => {
  requireOperator(c, adminToken);
  await next();
});

/** Sets `c.var.merchant` from `Authorization: Bearer sk_…`. */
export const secretKey = (services: Services) => createMiddleware<ApiEnv>(async (c, next) => {
  c.set('merchant', await requireSecretKey(c, services));
  await next();
});

/** Sets `c.var.merchant` from the publishable key (header or `key` query) and the page's Origin. */
export const publishableKey = (services: Services) => createMiddleware<ApiEnv>(async (c, next) => {
  c.set('merchant', await verifyPublishableKey(services, c.req.header('fairdrop-key') ?? c.req.query('key'), c.req.header('origin')));
  await next();
});

/** Sets `c.var.drop`: the `:dropId` drop, owned by `c.var.merchant` (404 otherwise). */
export const ownDrop = (services: Services) => createMiddleware<ApiEnv>(async (c, next) => {
  c.set('drop', await services.dropOf(c.var.merchant.id, c.req.param('dropId') ?? ''));
  await next();
});

/** Sets `c.var.shopper` for `c.var.drop` from the shopper token or anonymous id. */
export const shopper = (now: () => number) => createMiddleware<ApiEnv>(async (c, next) => {
  const { merchant, drop } = c.var;
  const id = await shopperId(merchant, drop.config, shopperHeaders(c), now());
  c.set('shopper', { id, shard: shardOf(merchant.id, id, drop.config.shards) });
  await next();
});
