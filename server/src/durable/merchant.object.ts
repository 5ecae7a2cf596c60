/** Merchant: keys (hashes only for the secret key), origin allow-list, webhook endpoints, drops. */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomBytes } from 'node:crypto';
import { base62, sha256Hex } from '../core/ids.js';
import type { WebhookEventType } from './webhooks.service.js';

export interface WebhookEndpoint { id: string; url: string; events: WebhookEventType[]; createdAt: number }
export interface MerchantRecord {
  id: string; name: string; allowedOrigins: string[]; secretKeyHash: string; publishableKey: string;
  shopperTokenSecret: string; webhookSecret: string; webhooks: WebhookEndpoint[]; shards: number; createdAt: number;
}
export interface MerchantCredentials { merchant: MerchantRecord; secretKey: string }

const secret = (n: number) => base62(randomBytes(n), n);

export const merchant = restate.object({
  name: 'merchant',
  handlers: {
    create: async (ctx: ObjectContext, input: { name: string; allowedOrigins: string[]; shards: number }): Promise<MerchantCredentials | null> => {
      if (await ctx.get<MerchantRecord>('m')) return null;
      const keys = await ctx.run('keys', () => ({ sk: secret(32), pk: secret(24), sts: secret(32), whsec: secret(32) }));
      const secretKey = `sk_${ctx.key}_${keys.sk}`;
      const m: MerchantRecord = {
        id: ctx.key, name: input.name, allowedOrigins: input.allowedOrigins, secretKeyHash: sha256Hex(secretKey),
        publishableKey: `pk_${ctx.key}_${keys.pk}`, shopperTokenSecret: `sts_${keys.sts}`, webhookSecret: `whsec_${keys.whsec}`,
        webhooks: [], shards: input.shards, createdAt: await ctx.date.now(),
      };
      ctx.set('m', m);
      return { merchant: m, secretKey };
    },
    update: async (ctx: ObjectContext, patch: { name?: string; allowedOrigins?: string[] }) => {
      const m = await ctx.get<MerchantRecord>('m');
      if (!m) return null;
      Object.assign(m, patch);
      ctx.set('m', m);
      return m;
    },
    addWebhook: async (ctx: ObjectContext, input: { url: string; events: WebhookEventType[] }) => {
      const m = await ctx.get<MerchantRecord>('m');
      if (!m) return null;
      const id = await ctx.run('id', () => `we_${secret(14)}`);
      const endpoint: WebhookEndpoint = { id, url: input.url, events: input.events, createdAt: await ctx.date.now() };
      m.webhooks.push(endpoint);
      ctx.set('m', m);
      return endpoint;
    },
    removeWebhook: async (ctx: ObjectContext, id: string) => {
      const m = await ctx.get<MerchantRecord>('m');
      if (!m || !m.webhooks.some((w) => w.id === id)) return false;
      m.webhooks = m.webhooks.filter((w) => w.id !== id);
      ctx.set('m', m);
      return true;
    },
    addDrop: async (ctx: ObjectContext, dropId: string) => {
      const drops = (await ctx.get<string[]>('drops')) ?? [];
      if (!drops.includes(dropId)) ctx.set('drops', [dropId, ...drops]);
    },
    get: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => ctx.get<MerchantRecord>('m')),
    drops: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => (await ctx.get<string[]>('drops')) ?? []),
  },
});

export type MerchantObject = typeof merchant;
