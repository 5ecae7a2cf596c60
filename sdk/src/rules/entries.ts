/**
 * Entry arithmetic, pure and integer-only: the ticket breakdown (the one free entry, then
 * rollover credits, then paid tickets), the draw weight, the rollover credits a losing entry
 * earns, and the ticket count a shopper starts from.
 */
import { assertInt, RuleError } from './errors.js';
import { priceAmount, totalPriceUnits } from './pricing.js';
import { MAX_WEIGHT } from '../draw/entries.js';

/** Largest weight fairdrop-draw-v1 accepts for one entry: 2^32 − 1 (the draw's own limit). */
export const MAX_ENTRY_WEIGHT = MAX_WEIGHT;

/** Where a registration's tickets come from (openapi `Breakdown`). */
export interface EntryBreakdown {
  /** Tickets paid with rollover credits from earlier drops. */
  rollover: number;
  /** The one free entry (always 1: a credit never replaces it). */
  free: number;
  /** Tickets to pay for now. */
  paid: number;
  /** Price units owed for the paid tickets. */
  priceUnits: number;
  /** priceUnits × unitAmount, minor currency units. */
  amount: number;
}

/** Input of {@link entryBreakdown}. */
export interface BreakdownInput {
  /** Tickets asked for, ≥ 1. */
  tickets: number;
  /** Rollover credits the shopper holds (0 when the drop does not honour them). */
  rolloverCredits: number;
  /** Price of one price unit in minor currency units (0 for a free drop). */
  unitAmount: number;
}

/**
 * Splits requested tickets: ticket 1 is the free entry, the next ones use rollover credits,
 * the rest are paid. Credits add chances on top of the free entry (DESIGN: "a credit never
 * replaces the free entry") and never make new tickets dearer: paid tickets are priced as
 * tickets 2, 3, … of the quadratic table, as they would be without credits —
 * priceUnits = totalPriceUnits(free + paid).
 * @example entryBreakdown({ tickets: 5, rolloverCredits: 2, unitAmount: 100 })
 * // { rollover: 2, free: 1, paid: 2, priceUnits: 5, amount: 500 }
 */
export function entryBreakdown(input: BreakdownInput): EntryBreakdown {
  assertInt('tickets', input.tickets, 1);
  assertInt('rolloverCredits', input.rolloverCredits, 0);
  const free = 1;
  const rollover = Math.min(input.rolloverCredits, input.tickets - free);
  const paid = input.tickets - free - rollover;
  const priceUnits = totalPriceUnits(free + paid);
  return { rollover, free, paid, priceUnits, amount: priceAmount(priceUnits, input.unitAmount) };
}

/**
 * The ticket count a shopper's selector starts at: the free entry plus every credit they hold,
 * so credits are used unless the shopper lowers the count (capped by the drop's `maxTickets`).
 * @example defaultTickets(2, 5) // 3
 */
export function defaultTickets(credits: number, maxTickets: number): number {
  return Math.max(1, Math.min(Math.max(1, maxTickets), 1 + Math.max(0, credits)));
}

/** Input of {@link entryWeight}: all positive integers. */
export interface WeightInput {
  tickets: number;
  loyaltyMultiplier: number;
  geoMultiplier: number;
}

/**
 * Draw weight = tickets × loyalty multiplier × geo multiplier, as an integer the draw
 * accepts (1 … 2^32 − 1).
 * @throws RuleError for a non-integer factor or a product above 2^32 − 1
 * @example entryWeight({ tickets: 3, loyaltyMultiplier: 2, geoMultiplier: 1 }) // 6
 */
export function entryWeight(input: WeightInput): number {
  assertInt('tickets', input.tickets, 1);
  assertInt('loyaltyMultiplier', input.loyaltyMultiplier, 1);
  assertInt('geoMultiplier', input.geoMultiplier, 1);
  const weight = input.tickets * input.loyaltyMultiplier * input.geoMultiplier;
  if (weight > MAX_ENTRY_WEIGHT) {
    throw new RuleError(`weight ${weight} exceeds ${MAX_ENTRY_WEIGHT}; lower the multipliers or the ticket limit`);
  }
  return weight;
}

/**
 * Rollover credits after an entry lost: each losing paid ticket becomes a credit, up to
 * `cap` in total. Credits already held above a (since lowered) cap are kept, not clawed back.
 * @example creditsAfterLoss(4, 3, 5) // 5
 */
export function creditsAfterLoss(paidTickets: number, existingCredits: number, cap: number): number {
  assertInt('paidTickets', paidTickets, 0);
  assertInt('existingCredits', existingCredits, 0);
  assertInt('cap', cap, 0);
  return Math.max(existingCredits, Math.min(cap, existingCredits + paidTickets));
}

/**
 * Credits a losing entry earns, given what the shopper held after entering.
 * @example creditsEarned(4, 0, 3) // 3
 */
export function creditsEarned(paidTickets: number, heldAfterEntry: number, cap: number): number {
  return creditsAfterLoss(paidTickets, heldAfterEntry, cap) - heldAfterEntry;
}
