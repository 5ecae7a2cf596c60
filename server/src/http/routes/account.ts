/** Merchant account routes (secret key): profile, webhook endpoints, customers' loyalty tiers. */
import { Hono, type Context } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { merchantUpdate, webhookCreate, loyaltyUpdate } from '../schemas.js';
import { requireSecretKey } from '../auth.js';
import { FairdropError } from '../../core/errors.js';
import { ledgerKey, shardOf } from '../../core/ids.js';
import { webhookUrlProblem } from '../../core/net.js';
import type { MerchantRecord, WebhookEndpoint } from '../../durable/merchant.object.js';

const iso = (ms: number) => new Date(ms).toISOString();
export const merchantView = (m: MerchantRecord) => ({ id: m.id, name: m.name, allowedOrigins: m.allowedOrigins, publishableKey: m.publishableKey, createdAt: iso(m.createdAt) });
const webhookView = (w: WebhookEndpoint) => ({ id: w.id, url: w.url, events: w.events, createdAt: iso(w.createdAt) });

export function accountRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const { services } = deps;
  const auth = (c: Context) => requireSecretKey(c, services);
  const call = <T>(obj: string, key: string, handler: string, input?: unknown) => services.restate.call<T>(obj, key, handler, input);

  app.get('/merchant', async (c) => c.json(merchantView(await auth(c))));
  app.patch('/merchant', async (c) => {
    const m = await auth(c);
    const patch = merchantUpdate.parse(await readJson(c.req));
    const updated = await call<MerchantRecord>('merchant', m.id, 'update', patch);
    services.forgetMerchant(m.id);
    return c.json(merchantView(updated));
  });

  app.get('/webhook-endpoints', async (c) => c.json({ data: (await auth(c)).webhooks.map(webhookView) }));
  app.post('/webhook-endpoints', async (c) => {
    const m = await auth(c);
    const body = webhookCreate.parse(await readJson(c.req));
    const problem = webhookUrlProblem(body.url, deps.config.webhookAllowPrivate);
    if (problem) throw new FairdropError('validation_failed', `This webhook URL cannot be used: ${problem}.`, { errors: [{ path: 'url', in: 'body', message: problem }] });
    const ep = await call<WebhookEndpoint>('merchant', m.id, 'addWebhook', body);
    services.forgetMerchant(m.id);
    return c.json(webhookView(ep), 201);
  });
  app.delete('/webhook-endpoints/:endpointId', async (c) => {
    const m = await auth(c);
    if (!(await call<boolean>('merchant', m.id, 'removeWebhook', c.req.param('endpointId')))) throw new FairdropError('not_found', 'No webhook endpoint with this id.');
    services.forgetMerchant(m.id);
    return c.body(null, 204);
  });

  const standing = async (c: Context, tier?: string) => {
    const m = await auth(c);
    const customer = c.req.param('shopperId')!;
    if (customer.length > 128) throw new FairdropError('validation_failed', 'shopperId is at most 128 characters.', { errors: [{ path: 'shopperId', in: 'path', message: 'at most 128 characters' }] });
    const shopper = `c_${customer}`;
    const key = ledgerKey(m.id, shardOf(m.id, shopper, m.shards));
    const s = tier ? await call<{ tier: string | null; credits: number }>('ledger', key, 'setTier', { shopperId: shopper, tier })
      : await call<{ tier: string | null; credits: number }>('ledger', key, 'standing', shopper);
    return c.json({ shopperId: customer, tier: s.tier, rolloverCredits: s.credits });
  };
  app.get('/shoppers/:shopperId/loyalty', (c) => standing(c));
  app.put('/shoppers/:shopperId/loyalty', async (c) => standing(c, loyaltyUpdate.parse(await readJson(c.req)).tier));
  return app;
}
