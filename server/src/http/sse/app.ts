/**
 * The SSE role's Hono app: `GET /v1/public/drops/:dropId/events` (one drop, plus the
 * shopper's own entry) and `GET /v1/public/events` (the merchant's active drops).
 * @example
 * const app = createSseApp({ bus, getDrop, activeDrops, authPublishable, shopperEntry, now: Date.now });
 * serve({ fetch: app.fetch, port: 3004 });
 * // on shutdown: app.close() — ends the bus subscription and timers
 */
import { Hono } from 'hono';
import type { SseDeps } from './deps.js';
import { Fanout } from './fanout.js';
import { retryFrame } from './frames.js';
import { SseProblem, toProblem } from './problem.js';
import { activeStream, dropStream, type StreamContext } from './streams.js';

export type SseApp = Hono & {
  /** Unsubscribe from the bus and stop timers. Open streams are left to their clients. */
  close(): void;
  /** Open streams in this process. */
  readonly connections: number;
};

const preflightHeaders = 'Fairdrop-Key, Fairdrop-Shopper, Fairdrop-Anonymous-Id, Last-Event-ID, Cache-Control';

export function createSseApp(deps: SseDeps): SseApp {
  const onError = deps.onError ?? ((e: unknown) => console.error('sse:', e));
  const fanout = new Fanout({
    bus: deps.bus,
    now: deps.now,
    heartbeatMs: deps.heartbeatMs ?? 15_000,
    coalesceMs: deps.coalesceMs ?? 500,
    onError,
    ...(deps.drawIndex ? { drawIndex: deps.drawIndex } : {}),
  });
  const ctx: StreamContext = { deps, fanout, retry: retryFrame(deps.retryMs ?? 3000) };
  const app = new Hono();

  app.get('/v1/public/drops/:dropId/events', (c) => dropStream(c, ctx));
  app.get('/v1/public/events', (c) => activeStream(c, ctx));
  // Preflight reveals nothing: the real request checks the key against its Origin.
  app.options('/v1/public/*', (c) => {
    const origin = c.req.header('Origin');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    c.header('Access-Control-Allow-Methods', 'GET');
    c.header('Access-Control-Allow-Headers', preflightHeaders);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  });
  app.notFound(() => {
    throw new SseProblem(404, 'not_found', 'No such stream. Use /v1/public/drops/{dropId}/events or /v1/public/events.');
  });
  app.onError((e, c) => {
    const problem = toProblem(e);
    if (problem.status >= 500) onError(e);
    c.header('Vary', 'Origin');
    return c.body(JSON.stringify(problem), problem.status as 400, { 'Content-Type': 'application/problem+json' });
  });

  return Object.defineProperties(app as SseApp, {
    close: { value: () => fanout.close() },
    connections: { get: () => fanout.size },
  });
}
