/** Turns every failure into an application/problem+json response, once, in app.onError. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { FairdropError, problemCatalog, type ProblemCode } from '../core/errors.js';

export function problemBody(code: ProblemCode, detail: string, instance: string, extra: FairdropError['extra'] = {}) {
  const { status, title } = problemCatalog[code];
  return { type: `https://fairdrop.dev/problems/${code.replace(/_/g, '-')}`, title, status, code, detail, instance, ...extra };
}

export function problemResponse(c: Context, code: ProblemCode, detail: string, extra: FairdropError['extra'] = {}): Response {
  const body = problemBody(code, detail, c.req.path, extra);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (extra.retryAfterSeconds !== undefined) headers['retry-after'] = String(extra.retryAfterSeconds);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** The onError handler: known errors keep their code; anything else is logged and becomes 500. */
export function toProblem(err: unknown, c: Context, log: (msg: string, extra?: Record<string, unknown>) => void): Response {
  if (err instanceof FairdropError) {
    if (err.status >= 500) log('request failed', { path: c.req.path, code: err.code, cause: String((err as { cause?: unknown }).cause ?? '') });
    return problemResponse(c, err.code, err.detail, err.extra);
  }
  if (err instanceof z.ZodError) return problemResponse(c, 'validation_failed', 'Some fields are not valid; see `errors`.', { errors: zodErrors(err) });
  if (err instanceof HTTPException) {
    if (err.status === 413) return problemResponse(c, 'payload_too_large', 'Keep request bodies under 64 KB.');
    return problemResponse(c, err.status === 401 ? 'unauthorized' : 'validation_failed', err.message || 'The request could not be read.');
  }
  log('unexpected error', { path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
  return problemResponse(c, 'internal_error', 'Something went wrong on our side. It has been logged; please retry.');
}

export const zodErrors = (err: z.ZodError) => err.issues.map((i) => ({ path: i.path.join('.') || '(body)', in: 'body' as const, message: i.message }));
