/**
 * `@fairdrop/sdk/server`: for merchant backends — the secret-key client, the operator client,
 * shopper-token minting and webhook verification. Do not bundle this into browser code.
 *
 * @example
 * import { createServerClient, mintShopperToken, verifyWebhook } from '@fairdrop/sdk/server';
 * @module
 */
export { createServerClient, createAdminClient, type ServerClient, type ServerClientOptions, type AdminClient, type AdminClientOptions } from './server.js';
export { mintShopperToken, type MintShopperTokenOptions } from './shopper-token.js';
export { FairdropApiError, type ErrorCode, type Problem } from './errors.js';
export { unwrap, idempotencyKey, type ApiResult, type HttpClient, type TransportOptions, type FetchLike, type RetryOptions } from './http.js';
export { withRetries } from './retry.js';
export { verifyWebhook, signWebhookForTest, signStandardWebhookForTest, computeSignature, type WebhookHeaders, WEBHOOK_FAILURES, type WebhookVerification, type WebhookFailure, type VerifyWebhookOptions } from '../webhooks/index.js';
export type * from './types.js';
