/**
 * Quadratic ticket pricing (DESIGN: "ticket i (i ≥ 2) costs (i−1)² price units").
 * The first ticket is free, so a shopper's n-th extra ticket costs n², which makes
 * buying many tickets expensive and keeps the lottery broad. Pure and integer-only.
 */
import { assertInt, RuleError } from './errors.js';

/** One row of a drop's public pricing table (openapi `PricingRow`). */
export interface PricingRow {
  /** Tickets bought in total, free one included. */
  tickets: number;
  /** Total price units for that many tickets: (n−1)n(2n−1)/6. */
  priceUnits: number;
  /** priceUnits × the drop's unit amount, in minor currency units. */
  amount: number;
}

/**
 * Price units of ticket number `i` alone: 0 for the first, (i−1)² after that.
 * @example ticketPriceUnits(3) // 4
 */
export function ticketPriceUnits(i: number): number {
  assertInt('ticket number', i, 1);
  return (i - 1) ** 2;
}

/**
 * Total price units for `n` tickets, Σ (i−1)² for i = 1..n = (n−1)n(2n−1)/6
 * (n = 0 costs 0). 1→0, 2→1, 3→5, 5→30, 10→285.
 * @example totalPriceUnits(5) // 30
 */
export function totalPriceUnits(n: number): number {
  assertInt('ticket count', n, 0);
  const units = ((n - 1) * n * (2 * n - 1)) / 6;
  if (!Number.isSafeInteger(units)) throw new RuleError(`ticket count ${n} is too large to price exactly`);
  return Math.max(0, units);
}

/**
 * Amount in minor units for `units` price units at `unitAmount` each.
 * @throws RuleError when the product is not a safe integer
 */
export function priceAmount(units: number, unitAmount: number): number {
  assertInt('unit amount', unitAmount, 0);
  const amount = units * unitAmount;
  if (!Number.isSafeInteger(amount)) throw new RuleError(`price ${units} × ${unitAmount} exceeds the largest exact amount`);
  return amount;
}

/**
 * The pricing table for 1..maxTickets tickets, as shown to shoppers before they register.
 * @example pricingTable(3, 200) // [{tickets:1,priceUnits:0,amount:0},{tickets:2,priceUnits:1,amount:200},{tickets:3,priceUnits:5,amount:1000}]
 */
export function pricingTable(maxTickets: number, unitAmount: number): PricingRow[] {
  assertInt('maxTickets', maxTickets, 1);
  const rows: PricingRow[] = [];
  for (let n = 1; n <= maxTickets; n++) {
    const priceUnits = totalPriceUnits(n);
    rows.push({ tickets: n, priceUnits, amount: priceAmount(priceUnits, unitAmount) });
  }
  return rows;
}
