/** Odds estimate, from `@fairdrop/sdk/rules`. */
export { oddsEstimate } from '@fairdrop/sdk/rules';
