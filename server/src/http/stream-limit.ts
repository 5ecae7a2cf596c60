/**
 * A cap on concurrent event streams per client address (SSE role). An open stream costs a socket and
 * a fan-out slot for as long as the client keeps it; without a cap one address could hold thousands.
 * The count drops when the response closes (the client left or the server ended it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemBody } from './problem.js';
import { clientAddress, rateKey, type ProxyTrust } from '../core/client-address.js';

type Fetch = (req: Request, env?: unknown) => Response | Promise<Response>;
interface NodeEnv { incoming?: IncomingMessage; outgoing?: ServerResponse }

export function limitStreams(fetch: Fetch, opts: { perClient: number; trustProxy: ProxyTrust }): Fetch & { open: Map<string, number> } {
  const open = new Map<string, number>();
  const limited: Fetch = async (req, env) => {
    const { incoming, outgoing } = (env ?? {}) as NodeEnv;
    if (!incoming || !outgoing || !new URL(req.url).pathname.endsWith('/events')) return fetch(req, env);
    const key = rateKey(clientAddress(incoming.socket.remoteAddress, req.headers.get('x-forwarded-for') ?? undefined, opts.trustProxy));
    const n = open.get(key) ?? 0;
    if (n >= opts.perClient) {
      const body = problemBody('rate_limited', `At most ${opts.perClient} event streams per address at a time. Close some and retry.`, new URL(req.url).pathname, { retryAfterSeconds: 5 });
      return new Response(JSON.stringify(body), { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '5' } });
    }
    open.set(key, n + 1);
    outgoing.once('close', () => { const left = (open.get(key) ?? 1) - 1; if (left > 0) open.set(key, left); else open.delete(key); });
    return fetch(req, env);
  };
  return Object.assign(limited, { open });
}
