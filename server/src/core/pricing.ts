/** Quadratic ticket pricing, from `@fairdrop/sdk/rules`; bad input throws `FairdropError` (validation_failed). */
import * as rules from '@fairdrop/sdk/rules';
import { rule } from './rules.js';

export type { PricingRow } from '@fairdrop/sdk/rules';
export const ticketPriceUnits = (i: number) => rule(() => rules.ticketPriceUnits(i));
export const totalPriceUnits = (n: number) => rule(() => rules.totalPriceUnits(n));
export const priceAmount = (units: number, unitAmount: number) => rule(() => rules.priceAmount(units, unitAmount));
export const pricingTable = (maxTickets: number, unitAmount: number) => rule(() => rules.pricingTable(maxTickets, unitAmount));
