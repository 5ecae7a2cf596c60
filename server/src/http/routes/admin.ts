/** Operator routes: create merchants (their secrets are shown once). */
import { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { merchantCreate } from '../schemas.js';
import { requireOperator } from '../auth.js';
import { base62 } from '../../core/ids.js';
import { FairdropError } from '../../core/errors.js';
import type { MerchantCredentials } from '../../durable/merchant.object.js';
import { merchantView } from './account.js';

export function adminRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  app.post('/merchants', async (c) => {
    requireOperator(c, deps.config.adminToken);
    const body = merchantCreate.parse(await readJson(c.req));
    const merchantId = `mer${base62(deps.random(14), 12)}`;
    const created = await deps.services.restate.call<MerchantCredentials | null>('merchant', merchantId, 'create', { ...body, shards: deps.config.ledgerShards });
    if (!created) throw new FairdropError('invalid_state', 'A merchant with this id exists already; retry.');
    const m = created.merchant;
    return c.json({ merchant: merchantView(m), secretKey: created.secretKey, publishableKey: m.publishableKey, shopperTokenSecret: m.shopperTokenSecret, webhookSecret: m.webhookSecret }, 201);
  });
  return app;
}
