/** Operator routes: create merchants (their secrets are shown once). */
import { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { merchantCreate } from '../schemas.js';
import { operator } from '../auth.js';
import { base62, sha256Hex } from '../../core/ids.js';
import { seal } from '../../core/secret-box.js';
import { unwrap } from '../../core/errors.js';
import { callOpts } from '../durable-client.js';
import type { MerchantInit } from '../../durable/api.js';
import { merchantView } from './account.js';

export function adminRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const secret = (n: number) => base62(deps.random(n), n);
  app.post('/merchants', operator(deps.config.adminToken), async (c) => {
    const body = merchantCreate.parse(await readJson(c.req));
    const merchantId = `mer${base62(deps.random(14), 12)}`;
    // The secrets are made here and leave only sealed (or hashed): Restate never stores or journals them in plaintext.
    const keys = { secretKey: `sk_${merchantId}_${secret(32)}`, shopperTokenSecret: `sts_${secret(32)}`, webhookSecret: `whsec_${secret(32)}` };
    const sealed = (field: 'shopperTokenSecret' | 'webhookSecret') => seal(keys[field], deps.config.secretKeys, `${merchantId}:${field}`, deps.random(12));
    const init: MerchantInit = {
      ...body, shards: deps.config.ledgerShards, secretKeyHash: sha256Hex(keys.secretKey), publishableKey: `pk_${merchantId}_${secret(24)}`,
      shopperTokenSecret: sealed('shopperTokenSecret'), webhookSecret: sealed('webhookSecret'),
    };
    const m = unwrap(await deps.services.durable.merchant(merchantId).create(init, callOpts({ idempotencyKey: `create:${merchantId}` })));
    return c.json({ merchant: merchantView(m), secretKey: keys.secretKey, publishableKey: m.publishableKey, shopperTokenSecret: keys.shopperTokenSecret, webhookSecret: keys.webhookSecret }, 201);
  });
  return app;
}
