/** Merchant account routes (secret key): profile, webhook endpoints, customers' loyalty tiers. */
import { Hono, type Context } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { merchantUpdate, webhookCreate, loyaltyUpdate } from '../schemas.js';
import { secretKey, type ApiEnv } from '../auth.js';
import { FairdropError, unwrap } from '../../core/errors.js';
import { ledgerKey, shardOf } from '../../core/ids.js';
import { webhookUrlProblem } from '../../core/net.js';
import type { MerchantRecord, WebhookEndpoint } from '../../durable/api.js';

const iso = (ms: number) => new Date(ms).toISOString();
export const merchantView = (m: MerchantRecord) => ({ id: m.id, name: m.name, allowedOrigins: m.allowedOrigins, publishableKey: m.publishableKey, createdAt: iso(m.createdAt) });
const webhookView = (w: WebhookEndpoint) => ({ id: w.id, url: w.url, events: w.events, createdAt: iso(w.createdAt) });

export function accountRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { services } = deps;
  const sk = secretKey(services);

  app.get('/merchant', sk, (c) => c.json(merchantView(c.var.merchant)));
  app.patch('/merchant', sk, async (c) => {
    const m = c.var.merchant;
    const patch = merchantUpdate.parse(await readJson(c.req));
    const updated = unwrap(await services.durable.merchant(m.id).update(patch));
    services.forgetMerchant(m.id);
    return c.json(merchantView(updated));
  });

  app.get('/webhook-endpoints', sk, (c) => c.json({ data: c.var.merchant.webhooks.map(webhookView) }));
  app.post('/webhook-endpoints', sk, async (c) => {
    const m = c.var.merchant;
    const body = webhookCreate.parse(await readJson(c.req));
    const problem = webhookUrlProblem(body.url, deps.config.webhookAllowPrivate);
    if (problem) throw new FairdropError('validation_failed', `This webhook URL cannot be used: ${problem}.`, { errors: [{ path: 'url', message: problem }] });
    const ep = unwrap(await services.durable.merchant(m.id).addWebhook(body));
    services.forgetMerchant(m.id);
    return c.json(webhookView(ep), 201);
  });
  app.delete('/webhook-endpoints/:endpointId', sk, async (c) => {
    const m = c.var.merchant;
    unwrap(await services.durable.merchant(m.id).removeWebhook(c.req.param('endpointId')));
    services.forgetMerchant(m.id);
    return c.body(null, 204);
  });

  const loyalty = async (c: Context<ApiEnv>, tier?: string) => {
    const m = c.var.merchant;
    const customer = c.req.param('shopperId')!;
    if (customer.length > 128) throw new FairdropError('validation_failed', 'shopperId is at most 128 characters.');
    const shopper = `c_${customer}`;
    const shard = services.durable.ledger(ledgerKey(m.id, shardOf(m.id, shopper, m.shards)));
    const s = tier ? await shard.setTier({ shopperId: shopper, tier }) : await shard.wallet(shopper);
    return c.json({ shopperId: customer, tier: s.tier, rolloverCredits: s.credits });
  };
  app.get('/shoppers/:shopperId/loyalty', sk, (c) => loyalty(c));
  app.put('/shoppers/:shopperId/loyalty', sk, async (c) => loyalty(c, loyaltyUpdate.parse(await readJson(c.req)).tier));
  return app;
}
