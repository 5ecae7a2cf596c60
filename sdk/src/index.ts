/**
 * `@fairdrop/sdk`: browser-safe. The public client (publishable key), the live-updates helper,
 * typed errors, the schema types and the draw verifier. Server-side code lives in
 * `@fairdrop/sdk/server`; the full draw library in `@fairdrop/sdk/draw`.
 *
 * @example
 * import { createPublicClient, verifyDraw } from '@fairdrop/sdk';
 * const fairdrop = createPublicClient({ publishableKey: 'pk_…', baseUrl: 'https://api.fairdrop.example' });
 * const { data: record } = await fairdrop.record('drp_123');
 * const { ok } = await verifyDraw(record, fairdrop.snapshot('drp_123'));
 * @module
 */
export { createPublicClient, type PublicClient, type PublicClientOptions } from './client/public.js';
export { FairdropApiError, type ErrorCode, type Problem } from './client/errors.js';
export { unwrap, idempotencyKey, type ApiResult, type HttpClient, type TransportOptions, type FetchLike, type RetryOptions } from './client/http.js';
export { withRetries } from './client/retry.js';
export { subscribe, subscribeActiveDrops, type DropHandlers, type ActiveDropsHandlers, type SubscribeOptions, type EventSourceLike, type EventSourceCtor } from './sse/subscribe.js';
export { parseSse, type SseMessage } from './sse/parse.js';
export { verifyDraw, verifyDrawSync, verifyInclusion, type VerifyResult, type VerifyProblem } from './draw/index.js';
export type * from './client/types.js';
export type { paths, components, operations } from './generated/schema.js';
