/**
 * The one problem vocabulary of both HTTP roles (API and SSE): every failure becomes an
 * application/problem+json document with a stable code from core/errors.ts, once, in app.onError.
 * Each document carries the request's id (also the `X-Request-Id` header and in log lines).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { FairdropError, problemCatalog, type ProblemCode } from '../core/errors.js';

export type Log = (msg: string, extra?: Record<string, unknown>) => void;

/** The request id hono/request-id set (absent only outside the apps, e.g. in a unit test). */
export const requestIdOf = (c: Context): string | undefined => (c.get as (k: string) => unknown)('requestId') as string | undefined;

export function problemBody(code: ProblemCode, detail: string, instance: string, extra: FairdropError['extra'] = {}, requestId?: string) {
  const { status, title } = problemCatalog[code];
  return { type: `https://fairdrop.dev/problems/${code.replace(/_/g, '-')}`, title, status, code, detail, instance, ...extra, ...(requestId ? { requestId } : {}) };
}

export function problemResponse(c: Context, code: ProblemCode, detail: string, extra: FairdropError['extra'] = {}): Response {
  const requestId = requestIdOf(c);
  const body = problemBody(code, detail, c.req.path, extra, requestId);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (extra.retryAfterSeconds !== undefined) headers['retry-after'] = String(extra.retryAfterSeconds);
  if (requestId) headers['x-request-id'] = requestId;
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** What any thrown value means for the caller; `expected` is false for a bug (logged with its stack). */
export function classify(err: unknown): { problem: FairdropError; expected: boolean } {
  if (err instanceof FairdropError) return { problem: err, expected: true };
  if (err instanceof z.ZodError) return { problem: new FairdropError('validation_failed', 'Some fields are not valid; see `errors`.', { errors: zodErrors(err) }), expected: true };
  if (err instanceof HTTPException) {
    if (err.status === 413) return { problem: new FairdropError('payload_too_large', 'Keep request bodies under 64 KB.'), expected: true };
    return { problem: new FairdropError(err.status === 401 ? 'unauthorized' : 'validation_failed', err.message || 'The request could not be read.'), expected: true };
  }
  return { problem: new FairdropError('internal_error', 'Something went wrong on our side. It has been logged; please retry.'), expected: false };
}

/** The onError handler: known errors keep their code; 5xx are logged with the request id. */
export function toProblem(err: unknown, c: Context, log: Log): Response {
  const { problem, expected } = classify(err);
  if (problem.status >= 500) {
    const cause = (err as { cause?: unknown }).cause;
    log(expected ? 'request failed' : 'unexpected error', {
      requestId: requestIdOf(c), path: c.req.path, code: problem.code,
      error: expected ? String(cause ?? '') : err instanceof Error ? err.stack : String(err),
    });
  }
  return problemResponse(c, problem.code, problem.detail, problem.extra);
}

export const zodErrors = (err: z.ZodError) => err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
