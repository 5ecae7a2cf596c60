/**
 * `@fairdrop/sdk/webhooks`: verify webhook deliveries (Standard Webhooks, and the deprecated `Fairdrop-Signature`).
 * @module
 */
export { verifyWebhook, signWebhookForTest, signStandardWebhookForTest, type WebhookHeaders, computeSignature, WEBHOOK_FAILURES, type WebhookVerification, type WebhookFailure, type VerifyWebhookOptions, type WebhookEvent } from './verify.js';
export { computeStandardSignature } from './standard.js';
