/** Merchant drop routes (secret key): create, list, cancel, draw now, entries, confirm purchases. */
import { Hono } from 'hono';
import { createHmac } from 'node:crypto';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { dropCreate, purchaseConfirm, idempotencyKey } from '../schemas.js';
import { secretKey, ownDrop, type ApiEnv } from '../auth.js';
import { FairdropError, unwrap } from '../../core/errors.js';
import { base62, ledgerKey, entryKey } from '../../core/ids.js';
import { verifyToken, type PurchasePayload } from '../../core/tokens.js';
import type { DropInit } from '../../durable/api.js';
import type { PublicDrop, DropConfig } from '../../core/model.js';
import { callOpts } from '../durable-client.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** Signed-in customers and anonymous shoppers live in separate namespaces (`c_…`, `a_…`); outputs keep them apart. */
export const shopperView = (internal: string) => internal.startsWith('c_') ? { shopperId: internal.slice(2) } : { anonymousId: internal.slice(2) };
const dropView = (drop: PublicDrop, config: DropConfig) => ({
  ...drop, merchantId: config.merchantId, createdAt: iso(config.createdAt), shards: config.shards,
  trustThreshold: config.trustThreshold, powDifficulty: config.powDifficulty,
});

export function dropRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { services } = deps;
  const sk = secretKey(services);
  const drop = ownDrop(services);

  app.get('/drops', sk, async (c) => {
    const m = c.var.merchant;
    return c.json({ data: (await services.merchantDrops(m.id)).map((i) => dropView(i.drop, i.config)) });
  });

  app.post('/drops', sk, async (c) => {
    const m = c.var.merchant;
    const body = dropCreate.parse(await readJson(c.req));
    if (Date.parse(body.closesAt) <= deps.now()) throw new FairdropError('validation_failed', 'closesAt is in the past.', { errors: [{ path: 'closesAt', in: 'body', message: 'must be in the future' }] });
    const idem = idempotencyKey(c.req.header('idempotency-key'));
    const raw = idem ? createHmac('sha256', deps.config.serverSecret).update(`drop\u0000${m.id}\u0000${idem}`).digest() : deps.random(14);
    const dropId = `drp${base62(raw, 14)}`;
    const init: DropInit = {
      ...body, id: dropId, merchantId: m.id, opensAt: Date.parse(body.opensAt), closesAt: Date.parse(body.closesAt), shards: m.shards,
    } as DropInit;
    // The id derives from the Idempotency-Key header when one is sent, so a repeat is the same call.
    const drop = await services.durable.drop(dropId).create(init, callOpts({ idempotencyKey: `create:${dropId}` }));
    const info = await services.dropOf(m.id, dropId);
    return c.json(dropView(drop, info.config), 201);
  });

  app.get('/drops/:dropId', sk, drop, (c) => c.json(dropView(c.var.drop.drop, c.var.drop.config)));

  app.post('/drops/:dropId/cancel', sk, drop, async (c) => {
    const m = c.var.merchant;
    const dropId = c.var.drop.config.id;
    unwrap(await services.durable.drop(dropId).cancel());
    services.forgetDrop(dropId);
    const info = await services.dropOf(m.id, dropId);
    return c.json(dropView(info.drop, info.config));
  });

  app.post('/drops/:dropId/draw', sk, drop, async (c) => {
    const dropId = c.var.drop.config.id;
    const r = unwrap(await services.durable.drop(dropId).drawNow(callOpts({ timeout: 300_000 })));
    services.forgetDrop(dropId);
    // 202: closed, waiting for the committed drand round (DRAW-SPEC §4.1); the draw follows by itself.
    return 'record' in r ? c.json(r.record) : c.json(r.waiting, 202);
  });

  app.get('/drops/:dropId/entries', sk, drop, async (c) => {
    const m = c.var.merchant;
    const { config } = c.var.drop;
    const cursor = c.req.query('cursor') ?? '0.0';
    const match = /^(\d{1,4})\.(\d{1,9})$/.exec(cursor);
    if (!match) throw new FairdropError('validation_failed', 'The cursor is not valid; pass the nextCursor of the previous page.', { errors: [{ path: 'cursor', in: 'query', message: 'pass the nextCursor of the previous page' }] });
    let [shard, page] = [Number(match[1]), Number(match[2])];
    while (shard < config.shards) {
      const r = await services.durable.ledger(ledgerKey(m.id, shard)).page({ dropId: config.id, page });
      const next = page + 1 < r.pages ? `${shard}.${page + 1}` : shard + 1 < config.shards ? `${shard + 1}.0` : undefined;
      if (r.rows.length || !next) {
        const data = r.rows.map(([entryId, weight, tickets, shopperId, at]) => ({ entryId, weight, tickets, ...shopperView(shopperId), registeredAt: iso(at) }));
        return c.json(next ? { data, nextCursor: next } : { data });
      }
      [shard, page] = [shard + 1, 0];
    }
    return c.json({ data: [] });
  });

  app.post('/drops/:dropId/purchases/confirm', sk, drop, async (c) => {
    const { config } = c.var.drop;
    const body = purchaseConfirm.parse(await readJson(c.req));
    const check = verifyToken<PurchasePayload>('pt', body.purchaseToken, deps.config.serverSecret, deps.now());
    if (!check.ok && check.reason === 'expired') throw new FairdropError('purchase_window_expired', 'The purchase window ended before the confirmation; refund the payment.');
    if (!check.ok || check.payload.d !== config.id) throw new FairdropError('purchase_token_invalid', 'This purchase token was not issued for this drop.');
    assertSameShopper(check.payload.c, body.customerId);
    const input = body.orderId ? { nonce: check.payload.n, orderId: body.orderId } : { nonce: check.payload.n };
    const p = unwrap(await services.durable.holder(entryKey(config.id, check.payload.e)).confirm(input));
    return c.json({ ...p, ...(check.payload.c ? { shopperId: check.payload.c } : {}), purchasedAt: iso(p.purchasedAt) });
  });

  return app;
}

/** A purchase token is usable only by the shopper it was issued to (the merchant says who is paying). */
function assertSameShopper(issuedTo: string | undefined, payer: string | undefined): void {
  if (issuedTo === payer) return;
  const detail = !issuedTo ? 'This token was issued to an anonymous shopper; confirm it without `customerId`.'
    : !payer ? 'This token was issued to a signed-in customer: pass `customerId`, the id of the customer whose session is paying.'
      : 'This token was issued to another customer than the one paying; do not take the payment (or refund it).';
  throw new FairdropError('purchase_shopper_mismatch', detail);
}
