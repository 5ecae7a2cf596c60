/**
 * The browser-safe public client: the publishable key plus, optionally, the shopper's token
 * (or an anonymous id). Nothing here needs Node; it runs in storefront pages as is.
 */
import { checkPow, solvePowReference } from '../pow/index.js';
import type { RegistrationRequest, WatchRequest } from './types.js';
import { createHttp, idempotencyKey, settle, type TransportOptions } from './http.js';
import { snapshotEntries, snapshotLines } from './snapshot.js';
import { subscribe, subscribeActiveDrops, type ActiveDropsHandlers, type DropHandlers, type SubscribeOptions } from '../sse/subscribe.js';

export interface PublicClientOptions extends TransportOptions {
  /** `pk_…`; optional only for the public audit calls (record, snapshot, proof, time). */
  publishableKey?: string | undefined;
  /** The shopper's token, signed by your backend (see mintShopperToken). */
  shopperToken?: string | undefined;
  /** For drops that allow anonymous entry: a stable 16–64 character id for this browser. */
  anonymousId?: string | undefined;
  /** Base URL of the event streams (the SSE role); defaults to `baseUrl`. */
  sseUrl?: string | undefined;
}

type Registration = Omit<RegistrationRequest, 'pow'>;

/**
 * @example
 * import { createPublicClient } from '@fairdrop/sdk';
 * const fairdrop = createPublicClient({ publishableKey: 'pk_…', baseUrl: 'https://api.fairdrop.example', shopperToken });
 * const { data: drop } = await fairdrop.drop('drp_123');
 * const stop = fairdrop.subscribe('drp_123', { drop: (d) => render(d) });
 */
export function createPublicClient(opts: PublicClientOptions) {
  const who = { shopperToken: opts.shopperToken, anonymousId: opts.anonymousId };
  const http = createHttp(opts, () => ({ 'fairdrop-key': opts.publishableKey, 'fairdrop-shopper': who.shopperToken, 'fairdrop-anonymous-id': who.shopperToken ? undefined : who.anonymousId }));
  const p = (dropId: string) => ({ params: { path: { dropId } } });
  const sseBase = (): SubscribeOptions => ({ baseUrl: opts.sseUrl ?? opts.baseUrl, publishableKey: opts.publishableKey ?? '', ...who, ...(opts.fetch && { fetch: opts.fetch }) });
  const client = {
    http,
    /** Replace the shopper token (say, after your backend refreshed it). */
    setShopperToken(token: string | undefined) { who.shopperToken = token; },
    health: () => settle(http.GET('/health')),
    /** Server time, for clock synchronisation. */
    time: () => settle(http.GET('/v1/public/time')),
    drop: (dropId: string) => settle(http.GET('/v1/public/drops/{dropId}', p(dropId))),
    /** The merchant's scheduled, open and purchasing drops. */
    activeDrops: () => settle(http.GET('/v1/public/drops')),
    challenge: (dropId: string) => settle(http.POST('/v1/public/drops/{dropId}/challenge', p(dropId))),
    /** Registers with a solved challenge. Carries an Idempotency-Key, so retries are safe. */
    register: (dropId: string, body: RegistrationRequest, o: { idempotencyKey?: string } = {}) =>
      settle(http.POST('/v1/public/drops/{dropId}/entries', { ...p(dropId), body, headers: { 'Idempotency-Key': o.idempotencyKey ?? idempotencyKey() } })),
    /**
     * Challenge, proof of work, registration in one call. Solves on this thread; in browsers
     * prefer the widget, which solves in a worker pool.
     */
    async enter(dropId: string, body: Registration = { tickets: 1 }) {
      const ch = await client.challenge(dropId);
      if (ch.error) return { error: ch.error, response: ch.response };
      const nonce = solvePowReference(ch.data.prefix, ch.data.difficulty);
      if (nonce === null || !checkPow(ch.data.prefix, nonce, ch.data.difficulty)) throw new Error('no proof-of-work solution found');
      return client.register(dropId, { ...body, pow: { challenge: ch.data.challenge, nonce } });
    },
    /** Ask to be emailed before registration opens (signed-in: the token's `email` claim; else `email`, confirmed by a link). */
    watch: (dropId: string, body: WatchRequest = {}) => settle(http.POST('/v1/public/drops/{dropId}/watch', { ...p(dropId), body })),
    /** The links in notices, for a storefront that hosts its own pages for them (each answers HTML). */
    emailLinks: {
      confirm: (t: string) => settle(http.GET('/v1/public/email/confirm', { params: { query: { t } }, parseAs: 'text' })),
      unsubscribePage: (t: string) => settle(http.GET('/v1/public/email/unsubscribe', { params: { query: { t } }, parseAs: 'text' })),
      unsubscribe: (t: string) => settle(http.POST('/v1/public/email/unsubscribe', { params: { query: { t } }, parseAs: 'text' })),
    },
    myEntry: (dropId: string) => settle(http.GET('/v1/public/drops/{dropId}/entries/me', p(dropId))),
    /** A winner's single-use purchase token. */
    startPurchase: (dropId: string) => settle(http.POST('/v1/public/drops/{dropId}/purchase', p(dropId))),
    /** The published draw record (DRAW-SPEC §7). */
    record: (dropId: string) => settle(http.GET('/v1/public/drops/{dropId}/record', p(dropId))),
    /**
     * The entry snapshot, streamed: `{ entryId, weight }` in canonical order.
     * @throws FairdropApiError when the snapshot is not available (e.g. `not_drawn`)
     * @example const { ok } = await verifyDraw(record, fairdrop.snapshot(dropId));
     */
    snapshot: (dropId: string) => snapshotEntries(http, dropId),
    /** The snapshot as raw NDJSON lines (what `fairdrop-verify` reads). */
    snapshotLines: (dropId: string) => snapshotLines(http, dropId),
    /** Merkle inclusion proof of one entry (check it with `verifyInclusion`). */
    proof: (dropId: string, entryId: string) => settle(http.GET('/v1/public/drops/{dropId}/proof/{entryId}', { params: { path: { dropId, entryId } } })),
    /** Live updates of one drop (and the shopper's entry); returns unsubscribe. */
    subscribe: (dropId: string, handlers: DropHandlers, o: Partial<SubscribeOptions> = {}) => subscribe(dropId, handlers, { ...sseBase(), ...o }),
    /** Live updates of all the merchant's active drops; returns unsubscribe. */
    subscribeActiveDrops: (handlers: ActiveDropsHandlers, o: Partial<SubscribeOptions> = {}) => subscribeActiveDrops(handlers, { ...sseBase(), ...o }),
  };
  return client;
}

export type PublicClient = ReturnType<typeof createPublicClient>;
