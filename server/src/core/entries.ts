/** Entry arithmetic, from `@fairdrop/sdk/rules`; bad input throws `FairdropError` (validation_failed). */
import * as rules from '@fairdrop/sdk/rules';
import { rule } from './rules.js';

export { MAX_ENTRY_WEIGHT, type EntryBreakdown, type BreakdownInput, type WeightInput } from '@fairdrop/sdk/rules';
export const entryBreakdown = (input: rules.BreakdownInput) => rule(() => rules.entryBreakdown(input));
export const entryWeight = (input: rules.WeightInput) => rule(() => rules.entryWeight(input));
export const creditsAfterLoss = (paid: number, existing: number, cap: number) => rule(() => rules.creditsAfterLoss(paid, existing, cap));
