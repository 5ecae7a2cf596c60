/**
 * The thin layer under both clients: openapi-fetch typed by the generated `paths`, a retrying
 * fetch, and one conversion of every outcome into `{ data, error, response }` where `error`
 * is always a `FairdropApiError`.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { FairdropApiError } from './errors.js';
import { withRetries, type FetchLike, type RetryOptions } from './retry.js';

export type { FetchLike, RetryOptions };
/** The raw openapi-fetch client, for anything the named methods do not cover. */
export type HttpClient = Client<paths>;

/** What every SDK call resolves to: data or a typed error, plus the Response when there was one. */
export type ApiResult<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: FairdropApiError; response: Response | undefined };

export interface TransportOptions {
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined;
  /** Retry policy for 429/503/network errors; `{ retries: 0 }` turns it off. */
  retry?: RetryOptions | undefined;
  /** Extra headers on every request (e.g. a User-Agent on servers). */
  headers?: Record<string, string> | undefined;
}

export function createHttp(opts: TransportOptions, auth: () => Record<string, string | undefined>): HttpClient {
  const base = opts.fetch ?? ((r: Request) => globalThis.fetch(r));
  const http = createClient<paths>({ baseUrl: opts.baseUrl.replace(/\/+$/, ''), fetch: withRetries(base, opts.retry), headers: opts.headers });
  const authenticate: Middleware = {
    onRequest({ request }) {
      for (const [k, v] of Object.entries(auth())) if (v) request.headers.set(k, v);
      return request;
    },
  };
  http.use(authenticate);
  return http;
}

/** openapi-fetch's result (or its thrown network error) as an ApiResult. */
export async function settle<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<ApiResult<T>> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await call;
  } catch (e) {
    return { error: FairdropApiError.network(e), response: undefined };
  }
  if (r.response.ok) return { data: r.data as T, response: r.response };
  return { error: FairdropApiError.fromResponse(r.response, r.error), response: r.response };
}

/**
 * The data of a result, or its error thrown — for code that prefers exceptions.
 * @example const drop = unwrap(await fairdrop.drops.get(id));
 */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.error) throw result.error;
  return result.data as T;
}

/** A fresh idempotency key (UUID v4). */
export function idempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
