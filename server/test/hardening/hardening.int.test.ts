/**
 * Regression tests for issue 9 ("what a hostile client tried"), one block per item, against a real
 * Restate and Fairdrop. Items 1, 2/3/12 and 10 have their own files (proxy, webhook transport, identity).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { solvePowReference } from '@fairdrop/sdk/pow';
import { fairdropProcess, type FairdropProcess } from '../harness.js';
import { TestClient, humanSignals, type Merchant } from '../client.js';
import { startStack, baseEnv, pk, sk, openDrop, enter, type Stack } from '../stack.js';
import { createApiApp } from '../../src/http/app.js';
import { Services } from '../../src/http/services.js';
import { DurableClient } from '../../src/http/durable-client.js';
import { MemoryBus } from '../../src/bus/index.js';
import { RateLimiter } from '../../src/core/rate-limit.js';
import { parseKeyring } from '../../src/core/secret-box.js';
import { SECRET, ADMIN } from '../harness.js';

let s: Stack; let strict: FairdropProcess; let m: Merchant;
beforeAll(async () => {
  s = await startStack({ FAIRDROP_STREAMS_PER_CLIENT: '3' });
  strict = await fairdropProcess('api', baseEnv(s.restate, { FAIRDROP_MERCHANT_RATE_BURST: '10', FAIRDROP_MERCHANT_RATE_PER_SECOND: '1', FAIRDROP_AUTH_FAILURE_BURST: '5' }));
  m = await s.client.merchant('Hardened shop', ['https://shop.example']);
}, 90_000);
afterAll(async () => { await strict?.stop(); await s?.dispose(); });

/** Raw HTTP/1.1 over a socket: what Node's parser refuses never reaches fetch-based clients. */
function raw(url: string, request: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(u.port), u.hostname, () => sock.write(request));
    let out = '';
    sock.on('data', (d) => { out += d; });
    sock.on('end', () => resolve(out));
    sock.on('error', reject);
  });
}
const problemOf = (response: string) => ({ status: Number(response.split(' ')[1]), type: /content-type: ([^\r\n]+)/i.exec(response)?.[1], body: JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) });

describe('item 4: client-chosen names are own properties, and __proto__ is refused', () => {
  it.each(['constructor', 'tostring', 'hasownproperty'])('a shopper whose tier is "%s" registers', async (tier) => {
    const d = await openDrop(s.client, m, { loyaltyMultipliers: { gold: 2 } });
    await s.client.req('PUT', `/v1/shoppers/tier-${tier}/loyalty`, { headers: sk(m), body: { tier } });
    expect(await enter(s.client, m, d.id, `tier-${tier}`)).toMatchObject({ multipliers: { loyalty: 1, tier } });
  });

  it('a drop may name a tier "constructor" (and it counts)', async () => {
    const d = await openDrop(s.client, m, { loyaltyMultipliers: { constructor: 3 } });
    await s.client.req('PUT', '/v1/shoppers/ctor/loyalty', { headers: sk(m), body: { tier: 'constructor' } });
    expect(await enter(s.client, m, d.id, 'ctor')).toMatchObject({ weight: 3, multipliers: { loyalty: 3 } });
  });

  it('refuses "__proto__" keys in loyaltyMultipliers and fingerprint.components instead of dropping them', async () => {
    const now = Date.now();
    const drop = `{"name":"p","inventory":1,"opensAt":"${new Date(now + 60_000).toISOString()}","closesAt":"${new Date(now + 120_000).toISOString()}","loyaltyMultipliers":{"__proto__":5,"gold":2}}`;
    const r = await s.client.req('POST', '/v1/drops', { headers: { ...sk(m), 'content-type': 'application/json' }, body: drop });
    expect([r.status, r.body.code]).toEqual([400, 'validation_failed']);
    expect(r.body.errors[0].path).toMatch(/__proto__/);
    const d = await openDrop(s.client, m);
    const h = await s.client.shopperHeaders(m, 'proto');
    const ch = (await s.client.req('POST', `/v1/public/drops/${d.id}/challenge`, { headers: { ...h, origin: 'https://shop.example' } })).body;
    const body = JSON.stringify({ tickets: 1, pow: { challenge: ch.challenge, nonce: solvePowReference(ch.prefix, ch.difficulty) }, signals: humanSignals.signals, fingerprint: { visitorId: 'vis_abcdef123456', components: JSON.parse('{"__proto__":"x","platform":"Linux"}') } })
      .replace('"components":{', '"components":{"__proto__":"x",');
    const reg = await s.client.req('POST', `/v1/public/drops/${d.id}/entries`, { headers: { ...h, 'content-type': 'application/json' }, body });
    expect([reg.status, reg.body.code]).toEqual([400, 'validation_failed']);
  });
});

describe('item 5: what the HTTP parser refuses is a problem document too', () => {
  it.each([['API', () => s.fd.apiUrl], ['SSE', () => s.fd.sseUrl]])('%s: headers over 16 KB → 431 headers_too_large; method FOO → 405; garbage → 400', async (_role, url) => {
    const big = problemOf(await raw(url(), `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(big).toMatchObject({ status: 431, type: 'application/problem+json', body: { status: 431, code: 'headers_too_large' } });
    const foo = problemOf(await raw(url(), 'FOO /health HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(foo).toMatchObject({ status: 405, type: 'application/problem+json', body: { code: 'method_not_allowed' } });
    const junk = problemOf(await raw(url(), 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'));
    expect(junk).toMatchObject({ status: 400, type: 'application/problem+json', body: { code: 'bad_request' } });
  });
});

describe('item 6: the server holds the contract’s limits on headers and path parameters', () => {
  const drop = () => ({ name: 'i', inventory: 1, opensAt: new Date(Date.now() + 60_000).toISOString(), closesAt: new Date(Date.now() + 120_000).toISOString() });
  it.each([['empty', ''], ['129 characters', 'k'.repeat(129)], ['10 KB', 'k'.repeat(10_000)]])('refuses an Idempotency-Key that is %s', async (_n, key) => {
    const r = await s.client.req('POST', '/v1/drops', { headers: { ...sk(m), 'idempotency-key': key }, body: drop() });
    expect([r.status, r.body.code, r.body.errors?.[0]]).toEqual([400, 'validation_failed', { path: 'Idempotency-Key', in: 'header', message: expect.any(String) }]);
  });
  it('accepts a 128-character Idempotency-Key and repeats the first result', async () => {
    const key = 'k'.repeat(128);
    const [a, b] = [await s.client.req('POST', '/v1/drops', { headers: { ...sk(m), 'idempotency-key': key }, body: drop() }), await s.client.req('POST', '/v1/drops', { headers: { ...sk(m), 'idempotency-key': key }, body: drop() })];
    expect(a.body.id).toBe(b.body.id);
  });
  it.each(['/v1/drops/bad!id', '/v1/public/drops/bad!id/record', '/v1/public/drops/x/proof/bad!id'])('reports a bad path parameter at its name, in the path: %s', async (path) => {
    const r = await s.client.req('GET', path, { headers: sk(m) });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ in: 'path', path: expect.stringMatching(/^(dropId|entryId)$/) })]);
  });
});

describe('item 7: shopper tokens live at most an hour', () => {
  it('refuses a token whose exp is ten years ahead', async () => {
    const d = await openDrop(s.client, m);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('forever').setAudience('fairdrop').setExpirationTime('3650d').sign(new TextEncoder().encode(m.shopperTokenSecret));
    const r = await s.client.req('POST', `/v1/public/drops/${d.id}/challenge`, { headers: { ...pk(m), 'fairdrop-shopper': token } });
    expect([r.status, r.body.code]).toEqual([401, 'shopper_token_invalid']);
  });
});

describe('item 8: anonymous shoppers and signed-in customers stay apart in every output', () => {
  it('lists anon_X and the customer "anon_X" as two different shoppers', async () => {
    const d = await openDrop(s.client, m, { allowAnonymous: true });
    const anon = 'anon_0123456789abcdef';
    await enter(s.client, m, d.id, anon); // a signed-in customer whose id is "anon_…"
    const anonHeaders = { ...pk(m), 'fairdrop-anonymous-id': anon };
    const r = await s.client.register(m, d.id, 'unused', {}, anonHeaders);
    expect(r.status).toBe(201);
    const listed: any[] = [];
    for (let cursor: string | undefined = '', n = 0; cursor !== undefined && n < 20; n++) {
      const page = await s.client.req('GET', `/v1/drops/${d.id}/entries${cursor ? `?cursor=${cursor}` : ''}`, { headers: sk(m) });
      listed.push(...page.body.data);
      cursor = page.body.nextCursor;
    }
    expect(listed.map((e) => (e.shopperId ? `customer:${e.shopperId}` : `anonymous:${e.anonymousId}`)).sort()).toEqual([`anonymous:${anon}`, `customer:${anon}`]);
  });
});

describe('item 9: allow-lists hold http(s) origins, and Origin null never matches', () => {
  it.each(['data:text/html,hi', 'file:///tmp/x', 'null', 'javascript:alert(1)', 'https://'])('refuses the allow-list entry %s', async (origin) => {
    const r = await s.client.req('PATCH', '/v1/merchant', { headers: sk(m), body: { allowedOrigins: [origin] } });
    expect([r.status, r.body.code]).toEqual([400, 'validation_failed']);
  });
  it('refuses Origin: null for a merchant with an allow-list', async () => {
    const d = await openDrop(s.client, m);
    const r = await s.client.req('GET', `/v1/public/drops/${d.id}`, { headers: { ...pk(m), origin: 'null' } });
    expect([r.status, r.body.code]).toEqual([403, 'origin_not_allowed']);
  });
});

describe('item 11: resource bounds', () => {
  it('rate-limits merchant routes per client (429 past the burst)', async () => {
    const c = new TestClient(strict.apiUrl);
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push((await c.req('GET', '/v1/merchant', { headers: sk(m) })).status);
    expect(codes.slice(0, 10).every((x) => x === 200), codes.join(',')).toBe(true);
    expect(codes.slice(10)).toContain(429);
  });

  it('made-up secret keys cost a bounded number of durable-store reads, then 429', async () => {
    let reads = 0;
    const counting: typeof fetch = (input, init) => { if (String(input).includes('/merchant/')) reads++; return fetch(input, init); };
    const services = new Services(new DurableClient(s.restate.ingressUrl, counting), new MemoryBus(), Date.now, parseKeyring(undefined, SECRET));
    const app = createApiApp({
      services, config: { serverSecret: SECRET, adminToken: ADMIN, ledgerShards: 4, trustProxy: null, webhookAllowPrivate: true, role: 'api', version: 'test', secretKeys: parseKeyring(undefined, SECRET) },
      limiter: new RateLimiter(1000, 1000), merchantLimiter: new RateLimiter(1000, 1000), authFailures: new RateLimiter(5, 5 / 60), challengeCounter: new RateLimiter(600, 10),
      now: Date.now, random: (n) => randomBytes(n), fetch, log: () => {},
    });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await app.request('/v1/merchant', { headers: { authorization: `Bearer sk_merMadeUp${String(i).padStart(4, '0')}_abcdefghijklmnopqrstuvwxyz` } });
      statuses.push(res.status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect(statuses.filter((x) => x === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((x) => x === 429)).toBe(true);
    expect(reads).toBe(5);
    // A repeated unknown merchant is answered from the negative cache.
    const repeat = await app.request('/v1/merchant', { headers: { authorization: 'Bearer sk_merMadeUp0000_abcdefghijklmnopqrstuvwxyz' } });
    expect(repeat.status).toBe(429);
    services.close();
  });

  it('caps concurrent event streams per client address (FAIRDROP_STREAMS_PER_CLIENT=3)', async () => {
    const d = await openDrop(s.client, m);
    const url = `${s.fd.sseUrl}/v1/public/drops/${d.id}/events?key=${m.publishableKey}`;
    const aborts = [new AbortController(), new AbortController(), new AbortController()];
    const open = await Promise.all(aborts.map((a) => fetch(url, { signal: a.signal })));
    expect(open.map((r) => r.status)).toEqual([200, 200, 200]);
    const fourth = await fetch(url);
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toMatchObject({ code: 'rate_limited' });
    aborts[0]!.abort();
    await new Promise((r) => setTimeout(r, 300));
    const again = new AbortController();
    expect((await fetch(url, { signal: again.signal })).status).toBe(200);
    again.abort(); for (const a of aborts) a.abort();
  });

  it('coalesces concurrent registrations of one shopper before they reach Restate', async () => {
    // Count what reaches Restate: registration items sent to the ledger (the group commit already batches calls).
    let ledgerItems = 0;
    const counting: typeof fetch = (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : new TextDecoder().decode(init?.body as Uint8Array);
      if (/\/ledger\/[^/]+\/register$/.test(String(input))) ledgerItems += (JSON.parse(body) as unknown[]).length;
      else if (String(input).includes('/ledger/')) ledgerItems++;
      return fetch(input, init);
    };
    const keys = parseKeyring(undefined, SECRET);
    const services = new Services(new DurableClient(s.restate.ingressUrl, counting), new MemoryBus(), Date.now, keys);
    const app = createApiApp({
      services, config: { serverSecret: SECRET, adminToken: ADMIN, ledgerShards: 4, trustProxy: null, webhookAllowPrivate: true, role: 'api', version: 'test', secretKeys: keys },
      limiter: new RateLimiter(10_000, 10_000), merchantLimiter: new RateLimiter(10_000, 10_000), authFailures: new RateLimiter(10_000, 10_000), challengeCounter: new RateLimiter(600, 10),
      now: Date.now, random: (n) => randomBytes(n), fetch, log: () => {},
    });
    const d = await openDrop(s.client, m, { powDifficulty: 0 });
    const h = await s.client.shopperHeaders(m, 'eager');
    const challenges = await Promise.all(Array.from({ length: 50 }, async () => (await app.request(`/v1/public/drops/${d.id}/challenge`, { method: 'POST', headers: h })).json()));
    ledgerItems = 0;
    const results: Response[] = await Promise.all(challenges.map(async (ch: any) => app.request(`/v1/public/drops/${d.id}/entries`, {
      method: 'POST', headers: { ...h, 'content-type': 'application/json' },
      body: JSON.stringify({ tickets: 1, pow: { challenge: ch.challenge, nonce: solvePowReference(ch.prefix, ch.difficulty) }, ...humanSignals }),
    })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 200)).toHaveLength(49);
    expect(ledgerItems, 'registrations of one shopper that reached Restate').toBe(1);
    services.close();
  });
});
