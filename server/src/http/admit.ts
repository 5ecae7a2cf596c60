/**
 * Registration admission, one step: every rule a registration must pass before its one durable
 * call — the window, the ticket limit, the geo-fence, the proof of work, single use of the
 * challenge, and the trust score. The route reads parse → admit → commit → receipt.
 */
import { FairdropError } from '../core/errors.js';
import { entryIdFor, ledgerKey } from '../core/ids.js';
import { geoVerdict } from '../core/geo.js';
import type { RegisterItem, StoredEntry } from '../core/model.js';
import type { MerchantRecord } from '../durable/api.js';
import type { ApiDeps } from './context.js';
import type { DropInfo } from './services.js';
import type { Shopper } from './auth.js';
import type { registration } from './schemas.js';
import { verifyPow, proVerdict, requireTrust, trustScore, type ReplayGuard } from './bot-guard.js';
import type { z } from 'zod';

export type RegistrationBody = z.infer<typeof registration>;
export interface Admitting { merchant: MerchantRecord; drop: DropInfo; shopper: Shopper }

/** Admitted: the ledger key and item to commit. Or a repeat of a registration already made (its entry). */
export type Admission = { ledger: string; item: RegisterItem; repeat?: undefined } | { repeat: StoredEntry };

export async function admit(deps: ApiDeps, replay: ReplayGuard, who: Admitting, body: RegistrationBody): Promise<Admission> {
  const { config, drop } = who.drop;
  const now = deps.now();
  // 1. The window. The clock decides the opening (the ledger checks it again durably); the cached phase may lag the open timer.
  const ended = drop.phase !== 'scheduled' && drop.phase !== 'registration'; // closed, drawn or cancelled
  if (!ended && now < config.opensAt) throw new FairdropError('registration_not_open', `Registration opens at ${new Date(config.opensAt).toISOString()}.`);
  if (ended || now >= config.closesAt) throw new FairdropError('registration_closed', 'Registration for this drop has closed.');
  // 2. Tickets.
  if (body.tickets > config.maxTickets) throw new FairdropError('too_many_tickets', `This drop allows at most ${config.maxTickets} ticket(s) per shopper.`);
  // 3. Geo-fence.
  const geo = geoVerdict(config.geoFence, body.location);
  if (!geo.allowed) throw new FairdropError(geo.reason, geo.reason === 'geo_blocked' ? 'This drop is only open to shoppers inside its area.' : 'Share your location to enter this drop; it is limited to an area.');
  // 4. Proof of work, bound to drop and shopper.
  const pow = verifyPow(deps, config.id, who.shopper.id, body.pow);
  // 5. Single use: a challenge seen before is a repeat of the same registration, or refused.
  if (!replay.firstUse(pow.nonce, pow.expiresAt, now)) {
    const existing = await deps.services.entry(who.merchant.id, who.shopper.shard, config.id, who.shopper.id);
    if (existing) return { repeat: existing };
    throw new FairdropError('pow_invalid', 'This challenge has been used already. Ask for a new one.');
  }
  // 6. Trust.
  const score = trustScore({ signals: body.signals, fingerprint: body.fingerprint, powSolved: true, pro: await proVerdict(deps, body.fingerprint?.proRequestId) });
  requireTrust(score, config.trustThreshold);
  return {
    ledger: ledgerKey(who.merchant.id, who.shopper.shard),
    item: {
      dropId: config.id, shopperId: who.shopper.id, entryId: entryIdFor(deps.config.serverSecret, config.id, who.shopper.id, who.shopper.shard),
      tickets: body.tickets, geoMultiplier: geo.multiplier, trustScore: score.score,
      opensAt: config.opensAt, closesAt: config.closesAt, loyaltyMultipliers: config.loyaltyMultipliers, rollover: config.rollover,
      unitAmount: config.ticketPrice?.amount ?? 0,
    },
  };
}
