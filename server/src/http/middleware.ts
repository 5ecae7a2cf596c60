/** Client identity for rate limits, and rate limiting (CORS and request ids: common.ts). */
import type { Context, MiddlewareHandler } from 'hono';
import { FairdropError } from '../core/errors.js';
import type { ApiDeps } from './context.js';
import { clientAddress, rateKey } from '../core/client-address.js';

/** The client's rate-limit key: its address under the configured proxy trust, IPv6 by /64. */
export function clientKey(c: Context, deps: Pick<ApiDeps, 'config'>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return rateKey(clientAddress(env?.incoming?.socket?.remoteAddress ?? 'local', c.req.header('x-forwarded-for'), deps.config.trustProxy));
}

/** Token bucket per client address on the routes it guards (the storefront limiter unless another is given). */
export function rateLimit(deps: ApiDeps, limiter = deps.limiter): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter.take(clientKey(c, deps), deps.now());
    if (wait > 0) throw new FairdropError('rate_limited', `Too many requests from this address. Wait ${wait} s and try again.`, { retryAfterSeconds: wait });
    await next();
  };
}

/**
 * Budget for failed authentications per client: every made-up key costs a durable-store lookup, so a
 * client that keeps failing is refused before the lookup (429) until its budget refills.
 */
export function authFailureGuard(deps: ApiDeps): MiddlewareHandler {
  return async (c, next) => {
    const key = clientKey(c, deps);
    if (!deps.authFailures.allows(key, deps.now())) {
      throw new FairdropError('rate_limited', 'Too many failed authentications from this address. Check your keys and retry in a minute.', { retryAfterSeconds: 60 });
    }
    await next();
    if (c.res.status === 401) deps.authFailures.take(key, deps.now());
  };
}
