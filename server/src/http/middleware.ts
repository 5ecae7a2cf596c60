/** Client identity for rate limits, and rate limiting (CORS and request ids: common.ts). */
import type { Context, MiddlewareHandler } from 'hono';
import { FairdropError } from '../core/errors.js';
import type { ApiDeps } from './context.js';

/** The client's IP (X-Forwarded-For only when the operator trusts its proxy). */
export function clientKey(c: Context, deps: ApiDeps): string {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Token bucket per client IP on the routes it guards. */
export function rateLimit(deps: ApiDeps): MiddlewareHandler {
  return async (c, next) => {
    const wait = deps.limiter.take(clientKey(c, deps), deps.now());
    if (wait > 0) throw new FairdropError('rate_limited', `Too many requests from this address. Wait ${wait} s and try again.`, { retryAfterSeconds: wait });
    await next();
  };
}
