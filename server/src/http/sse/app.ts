/**
 * The SSE role's Hono app: `GET /v1/public/drops/:dropId/events` (one drop, plus the
 * shopper's own entry) and `GET /v1/public/events` (the merchant's active drops). Request ids,
 * CORS, problem documents and 405s are the API's own (../common.ts, ../problem.ts).
 * @example
 * const app = createSseApp({ bus, getDrop, activeDrops, authPublishable, shopperEntry, now: Date.now });
 * serve({ fetch: app.fetch, port: 3004 });
 * // on shutdown: app.close() — ends the bus subscription and timers
 */
import { Hono } from 'hono';
import type { SseDeps } from './deps.js';
import { Fanout } from './fanout.js';
import { retryFrame } from './frames.js';
import { activeStream, dropStream, type StreamContext } from './streams.js';
import { storefrontCors, useCommon, type BaseEnv } from '../common.js';

export type SseApp = Hono<BaseEnv> & {
  /** Unsubscribe from the bus and stop timers. Open streams are left to their clients. */
  close(): void;
  /** Open streams in this process. */
  readonly connections: number;
};

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
  const app = new Hono<BaseEnv>();
  // A 5xx is reported once, with the request id: to `log` when given, else to onError.
  const log = deps.log ?? ((msg: string, extra?: Record<string, unknown>) => onError(Object.assign(new Error(msg), extra)));
  useCommon(app, log, () => 'No such stream. Use /v1/public/drops/{dropId}/events or /v1/public/events.');
  app.use('/v1/public/*', storefrontCors);
  app.get('/v1/public/drops/:dropId/events', (c) => dropStream(c, ctx));
  app.get('/v1/public/events', (c) => activeStream(c, ctx));

  return Object.defineProperties(app as SseApp, {
    close: { value: () => fanout.close() },
    connections: { get: () => fanout.size },
  });
}
