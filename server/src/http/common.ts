/**
 * What both HTTP roles (API and SSE) share, composed the Hono way: a request id on every response
 * (hono/request-id), one CORS policy for storefront routes (hono/cors), problem documents for every
 * error and unknown route, and 405 with `Allow` for a known path asked with another method
 * (hono/method-not-allowed).
 */
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { problemResponse, toProblem, type Log } from './problem.js';

export type BaseEnv = { Variables: RequestIdVariables };

/**
 * Storefront CORS, the same for the API's /v1/public routes and the SSE streams. Preflights are
 * answered for any origin and responses echo the request's Origin: no credentials (cookies) are
 * involved, and access is decided by the publishable-key check against the merchant's allow-list.
 * Echoing lets a refused page read the problem document (`origin_not_allowed`) instead of an
 * opaque network error.
 */
export const storefrontCors = cors({
  origin: (origin) => origin || null,
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Fairdrop-Key', 'Fairdrop-Shopper', 'Fairdrop-Anonymous-Id', 'Last-Event-ID', 'Cache-Control', 'Idempotency-Key', 'X-Request-Id'],
  exposeHeaders: ['X-Request-Id', 'Retry-After'],
  maxAge: 600,
});

/** Request id first (so every later step and every problem has it), errors and 404s as problems, 405s. */
export function useCommon<E extends BaseEnv>(app: Hono<E>, log: Log, notFoundDetail: (method: string, path: string) => string): void {
  app.use('*', requestId());
  app.onError((err, c) => toProblem(err, c, log));
  app.notFound((c) => problemResponse(c, 'not_found', notFoundDetail(c.req.method, c.req.path)));
  app.use('*', methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) => {
      const res = problemResponse(c, 'method_not_allowed', `${c.req.path} accepts ${methods.join(', ')}.`);
      res.headers.set('allow', methods.join(', '));
      return res;
    },
  }));
}
