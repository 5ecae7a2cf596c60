/** Codes of {@link DrawInputError}: one per rule of DRAW-SPEC that an input can break. */
export const DRAW_INPUT_ERROR_CODES = [
  'invalid_entry',
  'invalid_entry_id',
  'duplicate_entry_id',
  'invalid_weight',
  'total_weight_too_large',
  'invalid_hex',
  'invalid_secret',
  'invalid_drop_id',
  'invalid_count',
  'invalid_index',
  'invalid_ndjson',
] as const;

/** A machine-readable reason why draw input was rejected. */
export type DrawInputErrorCode = (typeof DRAW_INPUT_ERROR_CODES)[number];

/**
 * Thrown when input breaks a rule of fairdrop-draw-v1. Inputs are rejected, never repaired
 * (DRAW-SPEC preamble), so the message says which value is wrong and what is allowed.
 * @example
 * try { runDraw(input) } catch (e) { if (e instanceof DrawInputError && e.code === 'duplicate_entry_id') … }
 */
export class DrawInputError extends Error {
  override readonly name = 'DrawInputError';
  /** The rule that was broken. */
  readonly code: DrawInputErrorCode;

  constructor(code: DrawInputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
