/**
 * Thrown when a value breaks a domain rule (a ticket count that is not a positive integer, a
 * weight above what the draw accepts). `code` is always `validation_failed`, the contract's code
 * for bad input, so a server can turn it into a 400 problem without a lookup.
 * @example
 * try { entryBreakdown({ tickets: 0, rolloverCredits: 0, unitAmount: 1 }) } catch (e) { if (e instanceof RuleError) … }
 */
export class RuleError extends RangeError {
  override readonly name = 'RuleError';
  readonly code = 'validation_failed' as const;
}

/** Throws a {@link RuleError} unless `value` is a safe integer ≥ `min`. */
export function assertInt(what: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RuleError(`${what} must be an integer >= ${min}, got ${value}`);
}
