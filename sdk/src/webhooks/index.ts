/**
 * `@fairdrop/sdk/webhooks`: verify the `Fairdrop-Signature` of webhook deliveries.
 * @module
 */
export { verifyWebhook, signWebhookForTest, computeSignature, WEBHOOK_FAILURES, type WebhookVerification, type WebhookFailure, type VerifyWebhookOptions, type WebhookEvent } from './verify.js';
