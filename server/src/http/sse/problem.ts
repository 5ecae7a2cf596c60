/**
 * Problem documents (RFC 9457) for the SSE routes. The API owns the error class; here any
 * thrown object with a numeric `status` and a string `code` is treated as a problem.
 */
export interface ProblemLike {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  type?: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
}

const titles: Record<string, string> = {
  validation_failed: 'The request is not valid',
  unauthorized: 'Authentication is required',
  forbidden: 'This key may not do that',
  origin_not_allowed: 'This website is not allowed to use the key',
  not_found: 'Not found',
  drop_not_found: 'No such drop',
  shopper_token_invalid: 'The shopper token is not valid',
  anonymous_not_allowed: 'This drop needs a signed-in shopper',
  rate_limited: 'Too many requests',
  unavailable: 'The service is temporarily unavailable',
  internal_error: 'Something went wrong on our side',
};

/** A problem raised by the SSE routes themselves. */
export class SseProblem extends Error implements ProblemLike {
  override readonly name = 'SseProblem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export function isProblemLike(e: unknown): e is ProblemLike {
  if (typeof e !== 'object' || e === null) return false;
  const { status, code } = e as { status?: unknown; code?: unknown };
  return typeof status === 'number' && status >= 400 && status <= 599 && typeof code === 'string';
}

/** The document for any thrown value; unknown errors become a 500 without internals. */
export function toProblem(e: unknown): ProblemDocument {
  if (!isProblemLike(e)) {
    return problem(500, 'internal_error', 'The event stream failed unexpectedly. Retry in a few seconds.');
  }
  const doc = problem(e.status, e.code, e.detail ?? (e instanceof Error ? e.message : undefined));
  if (e.title) doc.title = e.title;
  if (e.type) doc.type = e.type;
  return doc;
}

function problem(status: number, code: string, detail?: string): ProblemDocument {
  const doc: ProblemDocument = {
    type: `https://fairdrop.dev/problems/${code.replace(/_/g, '-')}`, // the same URI the API uses
    title: titles[code] ?? 'The request failed',
    status,
    code,
  };
  if (detail !== undefined) doc.detail = detail;
  return doc;
}
