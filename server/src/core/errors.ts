/**
 * One error vocabulary. Domain code throws `FairdropError` with a code from the contract's
 * ProblemCode; the durable shell and Hono turn it into a problem document once.
 */
import type { components } from '@fairdrop/sdk/schema';

export type ProblemCode = components['schemas']['ProblemCode'];

/** HTTP status and human title for every code. */
export const problemCatalog: Record<ProblemCode, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'This key may not do that' },
  origin_not_allowed: { status: 403, title: 'This website is not allowed to use the key' },
  not_found: { status: 404, title: 'Not found' },
  drop_not_found: { status: 404, title: 'No such drop' },
  merchant_not_found: { status: 404, title: 'No such merchant' },
  registration_not_open: { status: 409, title: 'Registration has not opened yet' },
  registration_closed: { status: 409, title: 'Registration is closed' },
  too_many_tickets: { status: 422, title: 'Too many tickets' },
  anonymous_not_allowed: { status: 401, title: 'This drop needs a signed-in shopper' },
  shopper_token_invalid: { status: 401, title: 'The shopper token is not valid' },
  shopper_required: { status: 401, title: 'A shopper token or anonymous id is required' },
  pow_invalid: { status: 400, title: 'The proof-of-work solution is not valid' },
  pow_expired: { status: 400, title: 'The proof-of-work challenge has expired' },
  bot_check_failed: { status: 403, title: 'We could not confirm this is a person' },
  rate_limited: { status: 429, title: 'Too many requests' },
  geo_blocked: { status: 403, title: 'This drop is limited to a region' },
  location_required: { status: 422, title: 'A location is required for this drop' },
  invalid_state: { status: 409, title: 'The drop is not in a state that allows this' },
  not_drawn: { status: 409, title: 'The draw has not run yet' },
  not_a_winner: { status: 403, title: 'This entry holds no purchase slot' },
  purchase_window_expired: { status: 410, title: 'The purchase window has ended' },
  already_purchased: { status: 409, title: 'This slot has already been purchased' },
  purchase_token_invalid: { status: 400, title: 'The purchase token is not valid' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Send JSON' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  unavailable: { status: 503, title: 'The service is temporarily unavailable' },
  permanent_failure: { status: 500, title: 'The operation failed and will not succeed if repeated' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
};

export interface FieldError { path: string; message: string }

export class FairdropError extends Error {
  override readonly name = 'FairdropError';
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(`${code}: ${detail}`);
    this.status = problemCatalog[code].status;
  }
}

/**
 * The one convention for expected failures of durable handlers: they return an Outcome (a value the
 * journal records), never throw. A failure that can never succeed (a bug, rejected draw input) is a
 * restate.TerminalError instead; the API maps it to `permanent_failure` (see http/durable-client.ts).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ProblemCode; detail: string };

export const fail = (code: ProblemCode, detail: string): Outcome<never> => ({ ok: false, code, detail });
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

/** Unwrap an Outcome at the edge: failures become FairdropError. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new FairdropError(outcome.code, outcome.detail);
}
