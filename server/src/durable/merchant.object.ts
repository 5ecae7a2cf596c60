/** Merchant: keys (hashes only for the secret key), origin allow-list, webhook endpoints, drops. */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomBytes } from 'node:crypto';
import { base62, sha256Hex } from '../core/ids.js';
import { fail, ok } from '../core/errors.js';
import type { MerchantHandlers, MerchantRecord, MerchantState, WebhookEndpoint, WebhookEventType } from './api.js';

type Ctx = ObjectContext<MerchantState>;
const secret = (n: number) => base62(randomBytes(n), n);
const missing = () => fail('merchant_not_found', 'No merchant with this id.');

export const merchantObject = restate.object({
  name: 'merchant',
  handlers: {
    create: async (ctx: Ctx, input: { name: string; allowedOrigins: string[]; shards: number }) => {
      if (await ctx.get('m')) return fail('invalid_state', 'A merchant with this id exists already; retry.');
      const keys = await ctx.run('keys', () => ({ sk: secret(32), pk: secret(24), sts: secret(32), whsec: secret(32) }));
      const secretKey = `sk_${ctx.key}_${keys.sk}`;
      const m: MerchantRecord = {
        id: ctx.key, name: input.name, allowedOrigins: input.allowedOrigins, secretKeyHash: sha256Hex(secretKey),
        publishableKey: `pk_${ctx.key}_${keys.pk}`, shopperTokenSecret: `sts_${keys.sts}`, webhookSecret: `whsec_${keys.whsec}`,
        webhooks: [], shards: input.shards, createdAt: await ctx.date.now(),
      };
      ctx.set('m', m);
      return ok({ merchant: m, secretKey });
    },
    update: async (ctx: Ctx, patch: { name?: string; allowedOrigins?: string[] }) => {
      const m = await ctx.get('m');
      if (!m) return missing();
      Object.assign(m, patch);
      ctx.set('m', m);
      return ok(m);
    },
    addWebhook: async (ctx: Ctx, input: { url: string; events: WebhookEventType[] }) => {
      const m = await ctx.get('m');
      if (!m) return missing();
      const id = await ctx.run('id', () => `we_${secret(14)}`);
      const endpoint: WebhookEndpoint = { id, url: input.url, events: input.events, createdAt: await ctx.date.now() };
      m.webhooks.push(endpoint);
      ctx.set('m', m);
      return ok(endpoint);
    },
    removeWebhook: async (ctx: Ctx, id: string) => {
      const m = await ctx.get('m');
      if (!m || !m.webhooks.some((w) => w.id === id)) return fail('not_found', 'No webhook endpoint with this id.');
      m.webhooks = m.webhooks.filter((w) => w.id !== id);
      ctx.set('m', m);
      return ok(null);
    },
    addDrop: async (ctx: Ctx, dropId: string) => {
      const drops = (await ctx.get('drops')) ?? [];
      if (!drops.includes(dropId)) ctx.set('drops', [dropId, ...drops]);
    },
    get: restate.handlers.object.shared(async (ctx: ObjectSharedContext<MerchantState>) => ctx.get('m')),
    drops: restate.handlers.object.shared(async (ctx: ObjectSharedContext<MerchantState>) => (await ctx.get('drops')) ?? []),
  } satisfies MerchantHandlers,
});
