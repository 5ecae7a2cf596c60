/**
 * Merchant: keys, origin allow-list, webhook endpoints, drops. Only the secret key's hash is kept; the
 * shopper-token and webhook secrets arrive sealed (core/secret-box.ts) from the API, which generated
 * them — no plaintext secret ever enters Restate's state or journal.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomBytes } from 'node:crypto';
import { base62 } from '../core/ids.js';
import { needsReseal, open, seal } from '../core/secret-box.js';
import { durableDeps } from './deps.js';
import type { WebhookEventType } from './webhooks.service.js';

export interface WebhookEndpoint { id: string; url: string; events: WebhookEventType[]; createdAt: number }
export interface MerchantRecord {
  id: string; name: string; allowedOrigins: string[]; secretKeyHash: string; publishableKey: string;
  shopperTokenSecret: string; webhookSecret: string; webhooks: WebhookEndpoint[]; shards: number; createdAt: number;
}
/** What the API hands over to create a merchant (secrets sealed, the secret key only as its hash). */
export type MerchantInit = Omit<MerchantRecord, 'id' | 'webhooks' | 'createdAt'>;

const secret = (n: number) => base62(randomBytes(n), n);
const FIELDS = ['shopperTokenSecret', 'webhookSecret'] as const;

export const merchant = restate.object({
  name: 'merchant',
  handlers: {
    create: async (ctx: ObjectContext, input: MerchantInit): Promise<MerchantRecord | null> => {
      if (await ctx.get<MerchantRecord>('m')) return null;
      const m: MerchantRecord = { ...input, id: ctx.key, webhooks: [], createdAt: await ctx.date.now() };
      ctx.set('m', m);
      return m;
    },
    /** Re-seal the secrets with the current key (after a rotation, or legacy plaintext); a no-op when current. */
    reseal: async (ctx: ObjectContext) => {
      const m = await ctx.get<MerchantRecord>('m');
      const { secretKeys } = durableDeps();
      if (!m || !FIELDS.some((f) => needsReseal(m[f], secretKeys))) return;
      const sealed = await ctx.run('reseal', () => Object.fromEntries(FIELDS.map((f) =>
        [f, seal(open(m[f], secretKeys, `${m.id}:${f}`), secretKeys, `${m.id}:${f}`, randomBytes(12))])));
      ctx.set('m', { ...m, ...sealed });
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
