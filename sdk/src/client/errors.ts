/**
 * One error class for everything the API (or the network) refuses: it carries the problem
 * document's stable `code`, the HTTP status and the `detail` that says what to do next.
 */
import type { components } from '../generated/schema.js';

export type Problem = components['schemas']['Problem'];
/** A problem `code` from openapi.yaml, or `network` when no response arrived. */
export type ErrorCode = components['schemas']['ProblemCode'] | 'network';

/**
 * @example
 * const { data, error } = await fairdrop.drops.get('drp_123');
 * if (error?.code === 'drop_not_found') return notFound();
 */
export class FairdropApiError extends Error {
  override readonly name = 'FairdropApiError';
  readonly code: ErrorCode;
  /** HTTP status; 0 when the request never got a response. */
  readonly status: number;
  readonly detail: string | undefined;
  /** Seconds to wait before trying again (429 and 503). */
  readonly retryAfterSeconds: number | undefined;
  /** The full problem document, when the server sent one. */
  readonly problem: Problem | undefined;
  /** The request's id (`X-Request-Id`, also in the server's logs); quote it when you report a problem. */
  readonly requestId: string | undefined;

  constructor(init: { code: ErrorCode; status: number; detail?: string | undefined; title?: string | undefined; retryAfterSeconds?: number | undefined; problem?: Problem | undefined; requestId?: string | undefined }, options?: { cause?: unknown }) {
    super(init.detail ?? init.title ?? `Fairdrop API error ${init.code} (${init.status})`, options);
    this.code = init.code;
    this.status = init.status;
    this.detail = init.detail;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.problem = init.problem;
    this.requestId = init.requestId;
  }

  /** From a non-2xx response and its parsed body (a problem document, or whatever came back). */
  static fromResponse(response: Response, body: unknown): FairdropApiError {
    const p = isProblem(body) ? body : undefined;
    const fallback = response.status === 429 ? 'rate_limited' : response.status >= 500 ? 'unavailable' : 'internal_error';
    return new FairdropApiError({
      code: p?.code ?? fallback,
      status: response.status,
      detail: p?.detail ?? (typeof body === 'string' && body ? body.slice(0, 500) : undefined),
      title: p?.title,
      retryAfterSeconds: p?.retryAfterSeconds ?? retryAfterSeconds(response.headers.get('retry-after')),
      problem: p,
      requestId: p?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    });
  }

  /** The request failed before any response (DNS, refused connection, reset, abort). */
  static network(cause: unknown): FairdropApiError {
    const why = cause instanceof Error ? cause.message : String(cause);
    return new FairdropApiError({ code: 'network', status: 0, detail: `No response from the Fairdrop API (${why}). Check the baseUrl and your connection, then try again.` }, { cause });
  }
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && typeof (v as Problem).code === 'string' && typeof (v as Problem).status === 'number';
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
