/** Storefront routes (publishable key): drop state, challenge, register, my entry, purchase. */
import { Hono, type Context } from 'hono';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { registration } from '../schemas.js';
import { requirePublishableKey, shopperId, shopperHeaders } from '../auth.js';
import { issueChallenge, verifyPow, proVerdict, requireTrust, trustScore, ReplayGuard } from '../bot-guard.js';
import { clientKey } from '../middleware.js';
import { FairdropError, unwrap } from '../../core/errors.js';
import { entryIdFor, entryKey, shardOf, ledgerKey } from '../../core/ids.js';
import { geoVerdict } from '../../core/geo.js';
import { oddsEstimate } from '../../core/odds.js';
import { myEntry } from '../my-entry.js';
import { signToken, type PurchasePayload } from '../../core/tokens.js';
import type { StoredEntry, DropConfig, PublicDrop } from '../../core/model.js';
import type { DropInfo } from '../services.js';
import type { MerchantRecord } from '../../durable/api.js';


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

export function publicRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const { services } = deps;
  const replay = new ReplayGuard();

  /** Merchant (from the publishable key), the drop it owns, and the shopper. */
  async function who(c: Context, needShopper: true): Promise<{ merchant: MerchantRecord; info: DropInfo; shopper: string; shard: number }>;
  async function who(c: Context, needShopper: false): Promise<{ merchant: MerchantRecord; info: DropInfo }>;
  async function who(c: Context, needShopper: boolean) {
    const merchant = await requirePublishableKey(c, services);
    const info = await services.dropOf(merchant.id, c.req.param('dropId')!);
    if (!needShopper) return { merchant, info };
    const shopper = await shopperId(merchant, info.config, shopperHeaders(c), deps.now());
    return { merchant, info, shopper, shard: shardOf(merchant.id, shopper, info.config.shards) };
  }

  app.get('/time', (c) => { const now = deps.now(); return c.json({ serverTime: new Date(now).toISOString(), epochMs: now }); });

  app.get('/drops', async (c) => {
    const merchant = await requirePublishableKey(c, services);
    return c.json({ data: await services.activeDrops(merchant.id), serverTime: new Date(deps.now()).toISOString() });
  });

  app.get('/drops/:dropId', async (c) => c.json((await who(c, false)).info.drop));

  app.post('/drops/:dropId/challenge', async (c) => {
    const { info, shopper } = await who(c, true);
    if (info.drop.phase !== 'registration' && info.drop.phase !== 'scheduled') throw new FairdropError('registration_closed', 'Registration for this drop has closed.');
    return c.json(issueChallenge(deps, info.config, shopper, clientKey(c, deps)));
  });

  app.post('/drops/:dropId/entries', async (c) => {
    const { merchant, info, shopper, shard } = await who(c, true);
    const body = registration.parse(await readJson(c.req));
    const { config } = info;
    const now = deps.now();
    const ended = info.drop.phase !== 'scheduled' && info.drop.phase !== 'registration'; // closed, drawn or cancelled
    // The clock decides the opening (the ledger checks it again durably); the cached phase may lag the open timer.
    if (!ended && now < config.opensAt) throw new FairdropError('registration_not_open', `Registration opens at ${new Date(config.opensAt).toISOString()}.`);
    if (ended || now >= config.closesAt) throw new FairdropError('registration_closed', 'Registration for this drop has closed.');
    if (body.tickets > config.maxTickets) throw new FairdropError('too_many_tickets', `This drop allows at most ${config.maxTickets} ticket(s) per shopper.`);
    const geo = geoVerdict(config.geoFence, body.location);
    if (!geo.allowed) throw new FairdropError(geo.reason, geo.reason === 'geo_blocked' ? 'This drop is only open to shoppers inside its area.' : 'Share your location to enter this drop; it is limited to an area.');
    const pow = verifyPow(deps, config.id, shopper, body.pow);
    const entryId = entryIdFor(deps.config.serverSecret, config.id, shopper, shard);
    if (!replay.firstUse(pow.nonce, pow.expiresAt, now)) {
      const existing = await services.entry(merchant.id, shard, config.id, shopper);
      if (existing) return c.json(receipt(existing, config, info.drop, false), 200);
      throw new FairdropError('pow_invalid', 'This challenge has been used already. Ask for a new one.');
    }
    const score = trustScore({ signals: body.signals, fingerprint: body.fingerprint, powSolved: true, pro: await proVerdict(deps, body.fingerprint?.proRequestId) });
    requireTrust(score, config.trustThreshold);
    const result = await services.registerEntry(ledgerKey(merchant.id, shard), {
      dropId: config.id, shopperId: shopper, entryId, tickets: body.tickets, geoMultiplier: geo.multiplier, trustScore: score.score,
      opensAt: config.opensAt, closesAt: config.closesAt, loyaltyMultipliers: config.loyaltyMultipliers, rollover: config.rollover,
      unitAmount: config.ticketPrice?.amount ?? 0,
    });
    const { entry, created } = unwrap(result);
    return c.json(receipt(entry, config, info.drop, created), created ? 201 : 200);
  });

  app.get('/drops/:dropId/entries/me', async (c) => {
    const { info, shopper, shard } = await who(c, true);
    const { config, drop } = info;
    const mine = await myEntry(services, info, shopper, shard);
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

  app.post('/drops/:dropId/purchase', async (c) => {
    const { info, shopper, shard } = await who(c, true);
    const { config } = info;
    if (!info.drop.draw) throw new FairdropError('not_drawn', 'The draw has not run yet; winners can buy once it has.');
    const entryId = entryIdFor(deps.config.serverSecret, config.id, shopper, shard);
    const slot = unwrap(await services.durable.holder(entryKey(config.id, entryId)).startPurchase());
    const customer = shopper.startsWith('c_') ? { c: shopper.slice(2) } : {};
    const purchaseToken = signToken<PurchasePayload>('pt', { d: config.id, e: entryId, n: slot.nonce, x: slot.deadline, ...customer }, deps.config.serverSecret);
    const out: Record<string, unknown> = { purchaseToken, expiresAt: new Date(slot.deadline).toISOString(), entryId };
    if (config.checkoutUrl) out.checkoutUrl = `${config.checkoutUrl}${config.checkoutUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(purchaseToken)}`;
    return c.json(out);
  });

  return app;
}
