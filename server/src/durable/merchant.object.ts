/**
 * Merchant: keys, origin allow-list, webhook endpoints, drops. Only the secret key's hash is kept; the
 * shopper-token and webhook secrets arrive sealed (core/secret-box.ts) from the API, which generated
 * them — no plaintext secret ever enters Restate's state or journal.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomBytes } from 'node:crypto';
import { base62 } from '../core/ids.js';
import { fail, ok } from '../core/errors.js';
import { needsReseal, open, seal } from '../core/secret-box.js';
import { durableDeps } from './deps.js';
import type { MerchantHandlers, MerchantInit, MerchantRecord, MerchantState, WebhookEndpoint, WebhookEventType } from './api.js';

type Ctx = ObjectContext<MerchantState>;
const secret = (n: number) => base62(randomBytes(n), n);
const missing = () => fail('merchant_not_found', 'No merchant with this id.');
const FIELDS = ['shopperTokenSecret', 'webhookSecret'] as const;

export const merchantObject = restate.object({
  name: 'merchant',
  handlers: {
    create: async (ctx: Ctx, input: MerchantInit) => {
      if (await ctx.get('m')) return fail('invalid_state', 'A merchant with this id exists already; retry.');
      const m: MerchantRecord = { ...input, id: ctx.key, webhooks: [], createdAt: await ctx.date.now() };
      ctx.set('m', m);
      return ok(m);
    },
    reseal: async (ctx: Ctx) => {
      const m = await ctx.get('m');
      const { secretKeys } = durableDeps();
      if (!m || !FIELDS.some((f) => needsReseal(m[f], secretKeys))) return;
      const sealed = await ctx.run('reseal', () => Object.fromEntries(FIELDS.map((f) =>
        [f, seal(open(m[f], secretKeys, `${m.id}:${f}`), secretKeys, `${m.id}:${f}`, randomBytes(12))])));
      ctx.set('m', { ...m, ...sealed });
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
