/**
 * Entry arithmetic, pure and integer-only: the ticket breakdown (rollover credits first,
 * then the one free entry, then paid entries), the draw weight, and the rollover credits
 * a losing entry earns.
 */
import { FairdropError } from './errors.js';
import { priceAmount, totalPriceUnits } from './pricing.js';

/** Largest weight fairdrop-draw-v1 accepts for one entry: 2^32 − 1. */
export const MAX_ENTRY_WEIGHT = 0xffff_ffff;

/** Where a registration's tickets come from (openapi `Breakdown`). */
export interface EntryBreakdown {
  /** Tickets paid with rollover credits from earlier drops. */
  rollover: number;
  /** The one free entry (0 or 1). */
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
 * Splits requested tickets: rollover credits first, then the one free entry, then paid.
 * Paid tickets are priced as tickets 2, 3, … of the quadratic table — the free entry is
 * ticket 1 — so credits stand in for tickets already paid for and never make new
 * tickets dearer: priceUnits = totalPriceUnits(free + paid).
 * @example entryBreakdown({ tickets: 5, rolloverCredits: 2, unitAmount: 100 })
 * // { rollover: 2, free: 1, paid: 2, priceUnits: 5, amount: 500 }
 */
export function entryBreakdown(input: BreakdownInput): EntryBreakdown {
  assertInt('tickets', input.tickets, 1);
  assertInt('rolloverCredits', input.rolloverCredits, 0);
  const rollover = Math.min(input.rolloverCredits, input.tickets);
  const rest = input.tickets - rollover;
  const free = Math.min(1, rest);
  const paid = rest - free;
  const priceUnits = totalPriceUnits(free + paid);
  return { rollover, free, paid, priceUnits, amount: priceAmount(priceUnits, input.unitAmount) };
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
 * @throws FairdropError validation_failed for a non-integer factor or a product above 2^32 − 1
 * @example entryWeight({ tickets: 3, loyaltyMultiplier: 2, geoMultiplier: 1 }) // 6
 */
export function entryWeight(input: WeightInput): number {
  assertInt('tickets', input.tickets, 1);
  assertInt('loyaltyMultiplier', input.loyaltyMultiplier, 1);
  assertInt('geoMultiplier', input.geoMultiplier, 1);
  const weight = input.tickets * input.loyaltyMultiplier * input.geoMultiplier;
  if (weight > MAX_ENTRY_WEIGHT) {
    throw new FairdropError('validation_failed', `weight ${weight} exceeds ${MAX_ENTRY_WEIGHT}; lower the multipliers or the ticket limit`);
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

function assertInt(what: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new FairdropError('validation_failed', `${what} must be an integer >= ${min}, got ${value}`);
  }
}
