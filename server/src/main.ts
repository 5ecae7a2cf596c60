/**
 * Fairdrop's composition root. Runs every role in one process by default, or one role each
 * (`api`, `sse`, `worker`) for scale-out: `node … src/main.ts api`.
 */
import './durable/shim.js';
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig, type Config } from './config.js';
import { createBus, type Bus } from './bus/index.js';
import { setDurableDeps } from './durable/deps.js';
import { serveEndpoint } from './durable/endpoint.js';
import { DurableClient } from './http/durable-client.js';
import { Services } from './http/services.js';
import { createApiApp } from './http/app.js';
import { createSseApp } from './http/sse/index.js';
import { sseDeps } from './http/sse-deps.js';
import { RateLimiter } from './core/rate-limit.js';
import { setNotifierDeps } from './durable/notifier/index.js';
import { NoticeClient } from './http/notice-client.js';
import { problemOnClientError } from './http/client-error.js';
import { limitStreams } from './http/stream-limit.js';

export const VERSION = '0.1.0';
/** Challenges per client remembered for difficulty: about a minute's worth, forgotten at 10/s. */
const CHALLENGE_WINDOW = 600;
const log = (msg: string, extra?: Record<string, unknown>) => console.error(JSON.stringify({ at: new Date().toISOString(), msg, ...extra }));

export interface Running { config: Config; close: () => Promise<void> }

function listen(fetchFn: (req: Request, env?: unknown) => Response | Promise<Response>, port: number, host: string): Promise<ServerType> {
  return new Promise((resolve) => { const s = serve({ fetch: fetchFn, port, hostname: host }, () => resolve(s)); problemOnClientError(s); });
}

export async function start(config: Config): Promise<Running> {
  const bus: Bus = await createBus(config.natsUrl);
  const closers: Array<() => Promise<void> | void> = [];
  const has = (r: Config['role']) => config.role === 'all' || config.role === r;

  if (has('worker')) {
    setDurableDeps({ bus, serverSecret: config.serverSecret, fetch, log, webhookAllowPrivate: config.webhookAllowPrivate, secretKeys: config.secretKeys, drand: config.drand });
    if (config.restateIdentityKeys.length === 0) log('warning: FAIRDROP_RESTATE_IDENTITY_KEYS is not set; the worker endpoint accepts unsigned requests from anyone who can reach it');
    setNotifierDeps({ serverSecret: config.serverSecret, secretKeys: config.secretKeys, publicUrl: config.publicUrl, defaultRate: config.noticeRatePerSecond, allowPrivate: config.webhookAllowPrivate, log });
    const ep = await serveEndpoint(config.endpointPort, config.host, config.restateIdentityKeys);
    closers.push(ep.close);
  }
  if (has('api') || has('sse')) {
    const services = new Services(new DurableClient(config.ingressUrl), bus, Date.now, config.secretKeys);
    closers.push(() => services.close());
    const apiConfig = { serverSecret: config.serverSecret, adminToken: config.adminToken, ledgerShards: config.ledgerShards, trustProxy: config.trustProxy, webhookAllowPrivate: config.webhookAllowPrivate, role: config.role, version: VERSION, secretKeys: config.secretKeys, email: { defaultRate: config.noticeRatePerSecond }, ...(config.fingerprintPro ? { fingerprintPro: config.fingerprintPro } : {}) };
    const deps = { services, config: apiConfig, limiter: new RateLimiter(config.rateBurst, config.ratePerSecond), merchantLimiter: new RateLimiter(config.merchantRateBurst, config.merchantRatePerSecond), authFailures: new RateLimiter(config.authFailureBurst, config.authFailureBurst / 60), challengeCounter: new RateLimiter(CHALLENGE_WINDOW, CHALLENGE_WINDOW / 60), now: Date.now, random: (n: number) => randomBytes(n), fetch, log, notices: new NoticeClient(config.ingressUrl) };
    if (has('api')) {
      const server = await listen(createApiApp(deps).fetch, config.apiPort, config.host);
      closers.push(() => new Promise<void>((r) => { server.close(() => r()); (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(); }));
    }
    if (has('sse')) {
      const sse = createSseApp(sseDeps(deps));
      sse.get('/health', (c) => c.json({ status: 'ok', role: 'sse', version: VERSION }));
      const server = await listen(limitStreams(sse.fetch, { perClient: config.streamsPerClient, trustProxy: config.trustProxy }), config.ssePort, config.host);
      closers.push(() => { sse.close(); (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(); return new Promise<void>((r) => server.close(() => r())); });
    }
  }
  closers.push(() => bus.close());
  log('fairdrop started', { role: config.role, api: has('api') ? config.apiPort : null, sse: has('sse') ? config.ssePort : null, endpoint: has('worker') ? config.endpointPort : null, bus: config.natsUrl ? 'nats' : 'in-process' });
  return { config, close: async () => { for (const c of closers.reverse()) await c(); } };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const running = await start(loadConfig(process.env, process.argv[2]));
  const stop = () => { void running.close().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
