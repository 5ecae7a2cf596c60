/** Operator routes: create merchants (their secrets are shown once). */
import { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { merchantCreate } from '../schemas.js';
import { operator } from '../auth.js';
import { base62 } from '../../core/ids.js';
import { unwrap } from '../../core/errors.js';
import { callOpts } from '../durable-client.js';
import { merchantView } from './account.js';

export function adminRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  app.post('/merchants', operator(deps.config.adminToken), async (c) => {
    const body = merchantCreate.parse(await readJson(c.req));
    const merchantId = `mer${base62(deps.random(14), 12)}`;
    const created = unwrap(await deps.services.durable.merchant(merchantId).create({ ...body, shards: deps.config.ledgerShards }, callOpts({ idempotencyKey: `create:${merchantId}` })));
    const m = created.merchant;
    return c.json({ merchant: merchantView(m), secretKey: created.secretKey, publishableKey: m.publishableKey, shopperTokenSecret: m.shopperTokenSecret, webhookSecret: m.webhookSecret }, 201);
  });
  return app;
}
