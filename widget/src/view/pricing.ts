/**
 * What a number of tickets costs: rollover credits first (free), then the one free entry,
 * then paid tickets at (i−1)² price units each for ticket i. The server's receipt is the
 * authority; this is the preview shown before entering.
 */
import type { PublicDrop } from '../types.js';

export interface Quote { rollover: number; free: number; paid: number; amount: number; odds: number }

/** Cumulative price units of n tickets: (n−1)n(2n−1)/6. */
export const units = (n: number): number => (n <= 1 ? 0 : ((n - 1) * n * (2 * n - 1)) / 6);

/** Amount (minor units) of the first n tickets, from the drop's table when it has the row. */
export function amountFor(drop: PublicDrop, n: number): number {
  const row = drop.pricing?.find((r) => r.tickets === n);
  return row ? row.amount : units(n) * (drop.ticketPrice?.amount ?? 0);
}

export function quote(drop: PublicDrop, tickets: number, credits = 0): Quote {
  const rollover = Math.min(credits, tickets);
  const rest = tickets - rollover;
  const free = rest > 0 ? 1 : 0;
  const paid = Math.max(0, rest - 1);
  // Credits cover tickets 1…r, the free entry is ticket r+1, paid are r+2…n.
  const amount = amountFor(drop, tickets) - amountFor(drop, rollover + 1);
  const pool = (drop.counts?.tickets ?? 0) + tickets;
  const odds = Math.min(1, (drop.inventory * tickets) / Math.max(1, pool));
  return { rollover, free, paid, amount: Math.max(0, amount), odds };
}

/** Price of ticket number n alone (0 when it would be covered by credits or free). */
export function ticketPrice(drop: PublicDrop, n: number, credits = 0): number {
  return quote(drop, n, credits).amount - quote(drop, n - 1, credits).amount;
}

export function formatMoney(amount: number, currency: string | undefined, lang: string): string {
  if (!currency) return String(amount);
  const f = new Intl.NumberFormat(lang, { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(amount / 10 ** digits);
}
