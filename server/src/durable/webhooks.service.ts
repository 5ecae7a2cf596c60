/**
 * Webhook delivery, durable: one invocation per (event, endpoint), retried with backoff by
 * Restate. Signature header `Fairdrop-Signature: t=<unix s>,v1=<hex HMAC-SHA256("<t>.<body>")>`.
 */
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isPrivateAddress } from '../core/net.js';
import { durableDeps } from './deps.js';
import { merchant, webhooks, type WebhookEvent, type WebhooksHandlers } from './api.js';

/** The signature header value for a body at time t (seconds). */
export function signWebhook(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** At delivery, check where the host resolves now (it may have changed since registration). */
async function refusePrivateDestination(url: string): Promise<void> {
  if (durableDeps().webhookAllowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true, verbatim: true });
  if (addresses.some((a) => isPrivateAddress(a.address))) throw new restate.TerminalError(`webhook host ${host} resolves to a private address; not delivered`);
}

export const webhooksService = restate.service({
  name: 'webhooks',
  handlers: {
    dispatch: async (ctx: Context, input: { merchantId: string; event: WebhookEvent }) => {
      const m = await ctx.objectClient(merchant, input.merchantId).get();
      for (const ep of m?.webhooks ?? []) {
        if (ep.events.length && !ep.events.includes(input.event.type)) continue;
        ctx.serviceSendClient(webhooks).deliver({ url: ep.url, secret: m!.webhookSecret, event: input.event }, restate.rpc.sendOpts({ idempotencyKey: `${input.event.id}:${ep.id}` }));
      }
    },
    deliver: async (ctx: Context, input: { url: string; secret: string; event: WebhookEvent }) => {
      const body = JSON.stringify(input.event);
      await ctx.run('post', async () => {
        await refusePrivateDestination(input.url);
        const t = Math.floor(Date.now() / 1000);
        const res = await durableDeps().fetch(input.url, {
          method: 'POST', body, signal: AbortSignal.timeout(10_000),
          headers: { 'content-type': 'application/json', 'fairdrop-signature': signWebhook(input.secret, body, t), 'user-agent': 'Fairdrop-Webhooks/1' },
        });
        if (!res.ok) throw new Error(`webhook endpoint answered ${res.status}`);
      }, { maxRetryAttempts: 12, initialRetryInterval: { milliseconds: 500 }, retryIntervalFactor: 2, maxRetryInterval: { minutes: 5 } });
    },
  } satisfies WebhooksHandlers,
});
