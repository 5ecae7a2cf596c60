/**
 * The merchant's server client: holds the secret key, so it belongs on your backend only.
 */
import type { DropCreate, EmailSettingsInput, Entry, MerchantUpdate, PurchaseConfirm, WebhookEndpointCreate } from './types.js';
import { createHttp, idempotencyKey, settle, type HttpClient, type TransportOptions } from './http.js';
import { FairdropApiError } from './errors.js';
import type { components } from '../generated/schema.js';

/** See DropCreate: the generated type requires defaulted fields the server fills in. */
type GeneratedDropCreate = components['schemas']['DropCreate'];

export interface ServerClientOptions extends TransportOptions {
  /** `sk_…` from your Fairdrop settings. Never ship it to a browser. */
  secretKey: string;
}

/**
 * @example
 * import { createServerClient } from '@fairdrop/sdk/server';
 * const fairdrop = createServerClient({ secretKey: process.env.FAIRDROP_SECRET_KEY!, baseUrl: 'http://127.0.0.1:3003' });
 * const { data: drop, error } = await fairdrop.drops.create({ name: 'Sneaker drop', inventory: 50, opensAt, closesAt });
 * if (error) console.error(error.code, error.detail);
 */
export function createServerClient(opts: ServerClientOptions) {
  if (!opts.secretKey?.startsWith('sk_')) throw new TypeError('createServerClient needs your secret key (sk_…). Storefront pages use createPublicClient with the publishable key instead.');
  const http = createHttp(opts, () => ({ authorization: `Bearer ${opts.secretKey}` }));
  const drop = (dropId: string) => ({ params: { path: { dropId } } });
  return {
    /** The raw typed openapi-fetch client (`http.GET('/v1/drops')`, …). */
    http,
    health: () => settle(http.GET('/health')),
    merchant: {
      get: () => settle(http.GET('/v1/merchant')),
      update: (body: MerchantUpdate) => settle(http.PATCH('/v1/merchant', { body })),
    },
    /** Shopper email: sender, SMTP relay (the password is write-only), branding, which notices. */
    email: {
      get: () => settle(http.GET('/v1/merchant/email')),
      set: (body: EmailSettingsInput) => settle(http.PUT('/v1/merchant/email', { body: body as components['schemas']['EmailSettingsInput'] })),
      remove: () => settle(http.DELETE('/v1/merchant/email')),
    },
    /** What happened to the notices: a drop's background jobs, or every notice of one entry. */
    notices: {
      drop: (dropId: string) => settle(http.GET('/v1/drops/{dropId}/notices', drop(dropId))),
      entry: (dropId: string, entryId: string) => settle(http.GET('/v1/drops/{dropId}/entries/{entryId}/notices', { params: { path: { dropId, entryId } } })),
    },
    drops: {
      /** Creates and schedules a drop. Retries are safe: every call carries an Idempotency-Key. */
      create: (body: DropCreate, o: { idempotencyKey?: string } = {}) =>
        settle(http.POST('/v1/drops', { body: body as GeneratedDropCreate, params: { header: { 'Idempotency-Key': o.idempotencyKey ?? idempotencyKey() } } })),
      get: (dropId: string) => settle(http.GET('/v1/drops/{dropId}', drop(dropId))),
      list: () => settle(http.GET('/v1/drops')),
      cancel: (dropId: string) => settle(http.POST('/v1/drops/{dropId}/cancel', drop(dropId))),
      /** Closes registration now and runs the draw: the record, or (HTTP 202) the drop while it waits for its drand round (`beacon`). */
      drawNow: (dropId: string) => settle(http.POST('/v1/drops/{dropId}/draw', drop(dropId))),
      /** The published draw record (public; the same as the public client's `record`). */
      record: (dropId: string) => settle(http.GET('/v1/public/drops/{dropId}/record', drop(dropId))),
    },
    entries: {
      /** One page; pass the previous page's `nextCursor` for the next. */
      list: (dropId: string, o: { cursor?: string } = {}) =>
        settle(http.GET('/v1/drops/{dropId}/entries', { params: { path: { dropId }, query: o.cursor ? { cursor: o.cursor } : {} } })),
      /**
       * Every entry, page after page.
       * @example for await (const e of fairdrop.entries.iterate(dropId)) console.log(e.shopperId, e.tickets);
       */
      iterate: (dropId: string) => iterateEntries(http, dropId),
    },
    purchases: {
      /** Confirms a winner's purchase after payment; exactly one confirmation per slot succeeds. */
      confirm: (dropId: string, body: PurchaseConfirm) => settle(http.POST('/v1/drops/{dropId}/purchases/confirm', { ...drop(dropId), body })),
    },
    webhookEndpoints: {
      list: () => settle(http.GET('/v1/webhook-endpoints')),
      create: (body: WebhookEndpointCreate) => settle(http.POST('/v1/webhook-endpoints', { body })),
      delete: (endpointId: string) => settle(http.DELETE('/v1/webhook-endpoints/{endpointId}', { params: { path: { endpointId } } })),
    },
    loyalty: {
      get: (shopperId: string) => settle(http.GET('/v1/shoppers/{shopperId}/loyalty', { params: { path: { shopperId } } })),
      /** Sets the tier named in drops' `loyaltyMultipliers`. */
      set: (shopperId: string, tier: string) => settle(http.PUT('/v1/shoppers/{shopperId}/loyalty', { params: { path: { shopperId } }, body: { tier } })),
    },
  };
}

export type ServerClient = ReturnType<typeof createServerClient>;

async function* iterateEntries(http: HttpClient, dropId: string): AsyncGenerator<Entry> {
  let cursor: string | undefined;
  do {
    const r = await settle(http.GET('/v1/drops/{dropId}/entries', { params: { path: { dropId }, query: cursor ? { cursor } : {} } }));
    if (r.error) throw r.error;
    yield* r.data.data;
    cursor = r.data.nextCursor;
  } while (cursor);
}

export interface AdminClientOptions extends TransportOptions {
  /** The operator token (FAIRDROP_ADMIN_TOKEN). */
  operatorToken: string;
}

/**
 * Operator calls (creating merchants). For the people who run Fairdrop, not for merchants.
 * @example
 * const admin = createAdminClient({ operatorToken, baseUrl });
 * const { data } = await admin.merchants.create({ name: 'Shop', allowedOrigins: ['https://shop.example'] });
 */
export function createAdminClient(opts: AdminClientOptions) {
  const http = createHttp(opts, () => ({ authorization: `Bearer ${opts.operatorToken}` }));
  return {
    http,
    merchants: {
      /** Issues the merchant's keys; the secrets are only in this response. */
      create: (body: { name: string; allowedOrigins?: string[] }) => settle(http.POST('/v1/admin/merchants', { body })),
    },
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
export { FairdropApiError };
