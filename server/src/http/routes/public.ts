/** Storefront routes (publishable key): drop state, challenge, register, my entry, purchase. */
import { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { registration } from '../schemas.js';
import { publishableKey, ownDrop, shopper, type ApiEnv } from '../auth.js';
import { issueChallenge, ReplayGuard } from '../bot-guard.js';
import { admit } from '../admit.js';
import { clientKey } from '../middleware.js';
import { FairdropError, unwrap } from '../../core/errors.js';
import { entryIdFor, entryKey } from '../../core/ids.js';
import { oddsEstimate } from '../../core/odds.js';
import { myEntry } from '../my-entry.js';
import { signToken, type PurchasePayload } from '../../core/tokens.js';
import type { StoredEntry, DropConfig, PublicDrop } from '../../core/model.js';

/** The receipt; odds are estimated from tickets (multipliers shift everyone alike, roughly). */
function receipt(entry: StoredEntry, config: DropConfig, drop: PublicDrop, created: boolean) {
  const tickets = drop.counts.tickets + (created ? entry.tickets : 0);
  const entries = drop.counts.entries + (created ? 1 : 0);
  return {
    dropId: config.id, entryId: entry.entryId, tickets: entry.tickets, weight: entry.weight, breakdown: entry.breakdown,
    multipliers: entry.multipliers, registeredAt: new Date(entry.registeredAt).toISOString(), trustScore: entry.trustScore,
    oddsEstimate: oddsEstimate(entry.tickets, Math.max(tickets, entry.tickets), config.inventory, Math.max(entries, 1)),
  };
}

export function publicRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { services } = deps;
  const replay = new ReplayGuard();
  // Per route, so an unknown path or method is a 404/405 before any key is checked.
  const key = publishableKey(services);
  const drop = ownDrop(services);
  const who = shopper(deps.now);

  app.get('/time', (c) => { const now = deps.now(); return c.json({ serverTime: new Date(now).toISOString(), epochMs: now }); });

  app.get('/drops', key, async (c) => c.json({ data: await services.activeDrops(c.var.merchant.id), serverTime: new Date(deps.now()).toISOString() }));

  app.get('/drops/:dropId', key, drop, (c) => c.json(c.var.drop.drop));

  app.post('/drops/:dropId/challenge', key, drop, who, (c) => {
    const { drop, config } = c.var.drop;
    if (drop.phase !== 'registration' && drop.phase !== 'scheduled') throw new FairdropError('registration_closed', 'Registration for this drop has closed.');
    return c.json(issueChallenge(deps, config, c.var.shopper.id, clientKey(c, deps)));
  });

  app.post('/drops/:dropId/entries', key, drop, who, async (c) => {
    const body = registration.parse(await readJson(c.req));
    const admission = await admit(deps, replay, c.var, body);
    const { config, drop } = c.var.drop;
    if (admission.repeat) return c.json(receipt(admission.repeat, config, drop, false), 200);
    const { entry, created } = unwrap(await services.registerEntry(admission.ledger, admission.item));
    return c.json(receipt(entry, config, drop, created), created ? 201 : 200);
  });

  app.get('/drops/:dropId/entries/me', key, drop, who, async (c) => {
    const info = c.var.drop;
    const { config, drop } = info;
    const mine = await myEntry(services, info, c.var.shopper.id, c.var.shopper.shard);
    const out: Record<string, unknown> = { dropId: config.id, registered: !!mine.entry, phase: drop.phase, rolloverCredits: mine.credits, serverTime: new Date(deps.now()).toISOString() };
    if (mine.entry) out.receipt = receipt(mine.entry, config, drop, false);
    if (mine.state) {
      out.status = mine.state.status;
      if (mine.state.backupPosition) out.backupPosition = mine.state.backupPosition;
      if (mine.state.purchaseDeadline) out.purchaseDeadline = mine.state.purchaseDeadline;
    }
    if (mine.creditsEarned !== undefined) out.rolloverCreditsEarned = mine.creditsEarned;
    return c.json(out);
  });

  app.post('/drops/:dropId/purchase', key, drop, who, async (c) => {
    const { config, drop } = c.var.drop;
    const { id: shopperId, shard } = c.var.shopper;
    if (!drop.draw) throw new FairdropError('not_drawn', 'The draw has not run yet; winners can buy once it has.');
    const entryId = entryIdFor(deps.config.serverSecret, config.id, shopperId, shard);
    const slot = unwrap(await services.durable.holder(entryKey(config.id, entryId)).startPurchase());
    const customer = shopperId.startsWith('c_') ? { c: shopperId.slice(2) } : {};
    const purchaseToken = signToken<PurchasePayload>('pt', { d: config.id, e: entryId, n: slot.nonce, x: slot.deadline, ...customer }, deps.config.serverSecret);
    const out: Record<string, unknown> = { purchaseToken, expiresAt: new Date(slot.deadline).toISOString(), entryId };
    if (config.checkoutUrl) out.checkoutUrl = `${config.checkoutUrl}${config.checkoutUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(purchaseToken)}`;
    return c.json(out);
  });

  return app;
}
