/**
 * The preview shown before entering, computed by the same rules the server charges by
 * (`@fairdrop/sdk/rules`): the free entry, then rollover credits, then paid tickets at
 * (i−1)² price units each. Odds are live: they follow the drop's counts.
 */
import { entryBreakdown, oddsEstimate, oddsIfEntering, type EntryBreakdown } from '@fairdrop/sdk/rules';
import type { PublicDrop, Receipt } from '../types.js';

export interface Quote extends EntryBreakdown { odds: number }

/** What `tickets` tickets cost this shopper, with the odds if they entered now. */
export function quote(drop: PublicDrop, tickets: number, credits = 0): Quote {
  const honoured = drop.rollover?.enabled === false ? 0 : credits;
  const b = entryBreakdown({ tickets, rolloverCredits: honoured, unitAmount: drop.ticketPrice?.amount ?? 0 });
  return { ...b, odds: oddsIfEntering(tickets, drop.counts?.tickets ?? 0, drop.counts?.entries ?? 0, drop.inventory) };
}

/** Price of ticket number n alone (0 when it is the free entry or covered by a credit). */
export function ticketPrice(drop: PublicDrop, n: number, credits = 0): number {
  return quote(drop, n, credits).amount - (n > 1 ? quote(drop, n - 1, credits).amount : 0);
}

/** Odds of an entry already in, from the drop's latest counts (the receipt's figure goes stale). */
export function liveOdds(drop: PublicDrop, r: Receipt): number {
  const c = drop.counts;
  return oddsEstimate(r.tickets, Math.max(c?.tickets ?? 0, r.tickets), drop.inventory, Math.max(c?.entries ?? 0, 1));
}

export function formatMoney(amount: number, currency: string | undefined, lang: string): string {
  if (!currency) return String(amount);
  const f = new Intl.NumberFormat(lang, { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(amount / 10 ** digits);
}
