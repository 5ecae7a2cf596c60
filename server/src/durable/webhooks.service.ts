/**
 * Webhook delivery, durable: one invocation per (event, endpoint), retried with backoff by
 * Restate. Signed with Standard Webhooks headers and, during its deprecation, `Fairdrop-Signature`
 * (core/webhook-signing.ts).
 */
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import { signatureHeaders } from '../core/webhook-signing.js';
import { postWebhook, DestinationRefused } from './webhook-transport.js';
import { open } from '../core/secret-box.js';
import { durableDeps } from './deps.js';
import { merchant, webhooks, type WebhookEvent, type WebhooksHandlers } from './api.js';

export const webhooksService = restate.service({
  name: 'webhooks',
  handlers: {
    dispatch: async (ctx: Context, input: { merchantId: string; event: WebhookEvent }) => {
      const m = await ctx.objectClient(merchant, input.merchantId).get();
      for (const ep of m?.webhooks ?? []) {
        if (ep.events.length && !ep.events.includes(input.event.type)) continue;
        ctx.serviceSendClient(webhooks).deliver({ url: ep.url, merchantId: input.merchantId, secret: m!.webhookSecret, event: input.event }, restate.rpc.sendOpts({ idempotencyKey: `${input.event.id}:${ep.id}` }));
      }
    },
    /** `secret` is the sealed webhook secret (opened only inside the delivery step, never journaled in plaintext). */
    deliver: async (ctx: Context, input: { url: string; merchantId?: string; secret: string; event: WebhookEvent }) => {
      const body = JSON.stringify(input.event);
      await ctx.run('post', async () => {
        const t = Math.floor(Date.now() / 1000);
        const { webhookAllowPrivate, log, secretKeys } = durableDeps();
        const secret = open(input.secret, secretKeys, `${input.merchantId}:webhookSecret`);
        const headers = { 'content-type': 'application/json', ...signatureHeaders(secret, input.event.id, body, t), 'user-agent': 'Fairdrop-Webhooks/1' };
        const res = await postWebhook(input.url, body, headers, { allowPrivate: webhookAllowPrivate }).catch((e: unknown) => {
          if (e instanceof DestinationRefused) throw new restate.TerminalError(e.message);
          throw e;
        });
        if (!res.ok) {
          // Redirects are not followed: a 3xx is a failed attempt like a 5xx, logged with where it pointed.
          log('webhook delivery failed', { eventId: input.event.id, status: res.status, ...(res.location ? { location: res.location } : {}) });
          throw new Error(`webhook endpoint answered ${res.status}${res.location ? ` (redirect to ${res.location} not followed)` : ''}`);
        }
      }, { maxRetryAttempts: 12, initialRetryInterval: { milliseconds: 500 }, retryIntervalFactor: 2, maxRetryInterval: { minutes: 5 } });
    },
  } satisfies WebhooksHandlers,
});
