/**
 * The API app in-process, through `app.request()` over stubbed durable reads (no Restate, no
 * sockets): request ids, the auth middleware, registration admission, one CORS policy shared with
 * the SSE role, and 405s. The real-Restate behaviour is covered by the *.int tests beside this one.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createApiApp } from '../src/http/app.js';
import { createSseApp } from '../src/http/sse/index.js';
import { sseDeps } from '../src/http/sse-deps.js';
import { Services } from '../src/http/services.js';
import type { Durable } from '../src/http/durable-client.js';
import type { ApiDeps } from '../src/http/context.js';
import type { DropRead, MerchantRecord } from '../src/durable/api.js';
import type { DropConfig } from '../src/core/model.js';
import { publicView } from '../src/core/drop.js';
import { sha256Hex } from '../src/core/ids.js';
import { RateLimiter } from '../src/core/rate-limit.js';
import { MemoryBus } from '../src/bus/memory.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const SECRET_KEY = 'sk_mer1_0123456789abcdefghij';
const merchant: MerchantRecord = {
  id: 'mer1', name: 'Shop', allowedOrigins: ['https://shop.example'], secretKeyHash: sha256Hex(SECRET_KEY), publishableKey: 'pk_mer1_abcdefghijkl',
  shopperTokenSecret: 'sts_x', webhookSecret: 'whsec_x', webhooks: [], shards: 4, createdAt: NOW - 1000,
};
const config: DropConfig = {
  id: 'drp1', merchantId: 'mer1', name: 'Drop', inventory: 1, opensAt: NOW - 60_000, closesAt: NOW + 60_000, purchaseWindowSeconds: 60, maxTickets: 2,
  backupCount: 0, loyaltyMultipliers: {}, rollover: { enabled: true, cap: 5 }, allowAnonymous: true, beaconSource: '', trustThreshold: 50,
  powDifficulty: 4, shards: 4, createdAt: NOW - 120_000, commitment: 'c'.repeat(64),
};
const dropRead = (phase: 'registration' | 'closed'): DropRead => ({
  merchantId: 'mer1', config, drop: publicView({ config, phase, version: 1, counts: { entries: 0, tickets: 0, weight: 0 }, purchased: 0, summary: null }, NOW),
});

/** Durable reads answered from memory; any other call fails loudly (it is not part of these tests). */
function stubDurable(drops: Map<string, DropRead>): Durable {
  const unexpected = (what: string) => () => Promise.reject(new Error(`not stubbed: ${what}`));
  const client = (name: string, methods: Record<string, (...a: unknown[]) => Promise<unknown>>) =>
    new Proxy(methods, { get: (t, p: string) => t[p] ?? unexpected(`${name}.${p}`) });
  return {
    merchant: (id: string) => client('merchant', { get: async () => (id === merchant.id ? merchant : null), drops: async () => [...drops.keys()] }),
    drop: (id: string) => client('drop', { get: async () => drops.get(id) ?? null, record: async () => null }),
    ledger: () => client('ledger', { getEntry: async () => null, wallet: async () => ({ tier: null, credits: 0 }) }),
    holder: () => client('holder', {}),
  } as unknown as Durable;
}

const bus = new MemoryBus();
const drops = new Map<string, DropRead>([['drp1', dropRead('registration')]]);
const logged: Array<Record<string, unknown>> = [];
const deps: ApiDeps = {
  services: new Services(stubDurable(drops), bus, () => NOW),
  config: { serverSecret: 's'.repeat(40), adminToken: 'admin-token', ledgerShards: 4, trustProxy: false, webhookAllowPrivate: true, role: 'api', version: 'test' },
  limiter: new RateLimiter(1000, 1000), challengeCounter: new RateLimiter(600, 10),
  now: () => NOW, random: (n) => randomBytes(n), fetch, log: (msg, extra) => logged.push({ msg, ...extra }),
};
const app = createApiApp(deps);
const sse = createSseApp(sseDeps(deps));
afterAll(async () => { sse.close(); deps.services.close(); await bus.close(); });

const sk = { authorization: `Bearer ${SECRET_KEY}` };
const storefront = { 'fairdrop-key': merchant.publishableKey, origin: 'https://shop.example', 'fairdrop-anonymous-id': 'anon-0123456789abcdef' };
const register = (body: unknown) => app.request('/v1/public/drops/drp1/entries', { method: 'POST', headers: { ...storefront, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const pow = { challenge: 'not-a-challenge', nonce: 1 };

describe('the API app, in-process', () => {
  it('gives every response a request id, also inside problem documents', async () => {
    const ok = await app.request('/health');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await app.request('/v1/merchant', { headers: { 'x-request-id': 'trace-42' } });
    expect(mine.status).toBe(401);
    expect(mine.headers.get('x-request-id')).toBe('trace-42');
    expect(await mine.json()).toMatchObject({ code: 'unauthorized', requestId: 'trace-42' });
  });

  it('sets the merchant from the secret key once, in middleware, for the routes that need it', async () => {
    const res = await app.request('/v1/merchant', { headers: sk });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'mer1', publishableKey: merchant.publishableKey });
    expect((await app.request('/v1/merchant', { headers: { authorization: 'Bearer sk_mer1_wrongwrongwrong' } })).status).toBe(401);
    const other = await app.request('/v1/drops/drpOther', { headers: sk });
    expect(other.status).toBe(404);
    expect((await other.json()).code).toBe('drop_not_found');
  });

  it('answers an unknown path 404 and a known path with another method 405 before any key is checked', async () => {
    expect((await (await app.request('/v1/no-such-route')).json()).code).toBe('not_found');
    const res = await app.request('/v1/public/drops/drp1/entries', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
    expect((await res.json()).code).toBe('method_not_allowed');
  });

  it('admits a registration only through every rule, each with its own problem', async () => {
    expect((await (await register({ tickets: 3, pow })).json()).code).toBe('too_many_tickets');
    expect((await (await register({ tickets: 1, pow })).json()).code).toBe('pow_invalid');
    drops.set('drp1', dropRead('closed'));
    deps.services.forgetDrop('drp1');
    expect((await (await register({ tickets: 1, pow })).json()).code).toBe('registration_closed');
    drops.set('drp1', dropRead('registration'));
    deps.services.forgetDrop('drp1');
    const noShopper = await app.request('/v1/public/drops/drp1/challenge', { method: 'POST', headers: { 'fairdrop-key': merchant.publishableKey } });
    expect((await noShopper.json()).code).toBe('shopper_required');
  });

  it('answers storefront preflights with one CORS policy in both roles', async () => {
    const ask = (a: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, path: string) =>
      a.request(path, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' } });
    const api = await ask(app, '/v1/public/drops/drp1');
    const stream = await ask(sse, '/v1/public/drops/drp1/events');
    expect(api.status).toBe(204);
    for (const h of ['access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-methods', 'access-control-max-age', 'access-control-expose-headers']) {
      expect(stream.headers.get(h), h).toBe(api.headers.get(h));
    }
    expect(api.headers.get('access-control-allow-headers')).toMatch(/Last-Event-ID/);
    expect(api.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
  });

  it('logs a failed durable read with the request id of the request that met it', async () => {
    const res = await app.request('/v1/drops/drp1/cancel', { method: 'POST', headers: { ...sk, 'x-request-id': 'trace-500' } });
    expect(res.status).toBe(500);
    expect(logged.find((l) => l.requestId === 'trace-500')).toMatchObject({ msg: 'unexpected error', code: 'internal_error' });
  });
});
