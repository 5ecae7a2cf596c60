/**
 * `@fairdrop/sdk/rules`: the domain rules in one module, imported by the server (which enforces
 * them), the widget (which previews them) and merchants' code — so a price shown is the price
 * charged. Pure and dependency-free; safe in the browser.
 * @example
 * import { entryBreakdown, defaultTickets } from '@fairdrop/sdk/rules';
 * entryBreakdown({ tickets: defaultTickets(2, 5), rolloverCredits: 2, unitAmount: 200 }) // { rollover: 2, free: 1, paid: 0, priceUnits: 0, amount: 0 }
 */
export { RuleError } from './errors.js';
export { ticketPriceUnits, totalPriceUnits, priceAmount, pricingTable, type PricingRow } from './pricing.js';
export {
  MAX_ENTRY_WEIGHT, entryBreakdown, defaultTickets, entryWeight, creditsAfterLoss, creditsEarned,
  type EntryBreakdown, type BreakdownInput, type WeightInput,
} from './entries.js';
export { oddsEstimate, oddsIfEntering } from './odds.js';
/** Ids the API and the draw accept (drops, entries, customers): 1–64 of A–Z a–z 0–9 _ -. Defined by the draw. */
export { ID_PATTERN } from '../draw/entries.js';
