/**
 * How the API and SSE roles reach Restate: typed clients from `@restatedev/restate-sdk-clients`
 * over the handles of durable/api.ts, wrapped once so failures become problems the caller can act on:
 * - the ingress cannot be reached, times out or refuses (no deployment, overload): `unavailable`,
 *   503 with Retry-After — a repeat may well succeed;
 * - the handler failed for good (a restate.TerminalError, e.g. a rejected draw input): its own code,
 *   `permanent_failure` (500), never "503, retry".
 * Expected failures come back as values (`Outcome`), not errors (see core/errors.ts).
 * @example
 * const durable = new DurableClient('http://127.0.0.1:8080');
 * const view = await durable.drop(dropId).create(init, callOpts({ idempotencyKey: `create:${dropId}` }));
 */
import * as clients from '@restatedev/restate-sdk-clients';
import { FairdropError } from '../core/errors.js';
import { drop, holder, ledger, merchant } from '../durable/api.js';

const DEFAULT_TIMEOUT_MS = 30_000;
/** Calls with an idempotency key (drop and merchant creation) are safe to repeat: a short retry budget rides out a blip. */
const RETRY = { maxAttempts: 3, initialInterval: 200, maxDuration: 3_000 } as const;

/** Per-call options: `idempotencyKey` where a call may be repeated, `timeout` in ms. */
export const callOpts = <I, O>(o: { idempotencyKey?: string; timeout?: number }) => clients.rpc.opts<I, O>(o);

/** The problem for anything a durable call threw. */
export function durableProblem(e: unknown): FairdropError {
  if (e instanceof FairdropError) return e;
  if (e instanceof clients.HttpCallError) {
    const body = parseBody(e.responseText);
    if (body?.source === 'invocation') {
      return Object.assign(new FairdropError('permanent_failure', `The operation failed and will not succeed if repeated: ${body.message ?? 'no reason given'}.`), { cause: e });
    }
    return Object.assign(new FairdropError('unavailable', 'The durable store could not complete the request; please retry in a moment.', { retryAfterSeconds: 1 }), { cause: `${e.status} ${e.responseText.slice(0, 300)}` });
  }
  return Object.assign(new FairdropError('unavailable', 'The durable store did not answer; please retry in a moment.', { retryAfterSeconds: 1 }), { cause: e });
}

function parseBody(text: string): { source?: string; message?: string } | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as { source?: string; message?: string }) : null;
  } catch {
    return null;
  }
}

/** A client whose calls return real Promises. */
export type Guarded<C> = { [K in keyof C]: C[K] extends (...a: infer A) => PromiseLike<infer O> ? (...a: A) => Promise<O> : C[K] };

/** The same client, with every call's failure passed through {@link durableProblem}. */
function guarded<C extends object>(client: C): Guarded<C> {
  return new Proxy(client as Guarded<C>, {
    get: (target, prop) => (...args: unknown[]) => {
      const call = (target as Record<PropertyKey, (...a: unknown[]) => PromiseLike<unknown>>)[prop]!;
      return Promise.resolve(call(...args)).catch((e: unknown) => { throw durableProblem(e); });
    },
  });
}

export class DurableClient {
  private readonly ingress: clients.Ingress;

  constructor(ingressUrl: string, fetchImpl: typeof fetch = fetch) {
    // Every call gets a deadline unless it names its own.
    const withDeadline: typeof fetch = (input, init) => fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(DEFAULT_TIMEOUT_MS) });
    this.ingress = clients.connect({ url: ingressUrl, fetch: withDeadline, retry: RETRY });
  }

  ledger(key: string) { return guarded(this.ingress.objectClient(ledger, key)); }
  drop(dropId: string) { return guarded(this.ingress.objectClient(drop, dropId)); }
  holder(key: string) { return guarded(this.ingress.objectClient(holder, key)); }
  merchant(merchantId: string) { return guarded(this.ingress.objectClient(merchant, merchantId)); }
}

/** What the roles use of the client (tests pass stubs of the reads they need). */
export type Durable = Pick<DurableClient, 'ledger' | 'drop' | 'holder' | 'merchant'>;
