/**
 * The domain rules live in `@fairdrop/sdk/rules` (one home, shared with the widget and merchants'
 * code). This adapter turns their `RuleError` into the server's `FairdropError('validation_failed')`.
 */
import { RuleError } from '@fairdrop/sdk/rules';
import { FairdropError } from './errors.js';

/** Run a rule; a broken rule becomes a `validation_failed` FairdropError with the same message. */
export function rule<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuleError) throw new FairdropError('validation_failed', e.message);
    throw e;
  }
}
