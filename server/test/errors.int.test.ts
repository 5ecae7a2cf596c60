/**
 * Every 4xx path answers with an application/problem+json document carrying a stable code
 * (TestClient also validates each one against the contract's Problem schema). Table-driven.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SignJWT } from 'jose';
import { solvePowReference, checkPow, powPrefix } from '@fairdrop/sdk/pow';
import { fairdropProcess, type FairdropProcess } from './harness.js';
import { TestClient, humanSignals, type Merchant } from './client.js';
import { startStack, baseEnv, pk, sk, openDrop, drawNow, enter, SECRET, ADMIN, type Stack } from './stack.js';
import { signToken, type PowPayload } from '../src/core/tokens.js';
import { sha256Hex } from '../src/core/ids.js';

let s: Stack; let limited: FairdropProcess;
let m: Merchant; let open: any; let drawn: any; let loser: string;
let client: TestClient;

beforeAll(async () => {
  s = await startStack();
  client = s.client;
  // A second API process on the same Restate with a tiny rate-limit bucket.
  limited = await fairdropProcess('api', baseEnv(s.restate, { FAIRDROP_RATE_BURST: '2', FAIRDROP_RATE_PER_SECOND: '1', FAIRDROP_WEBHOOK_ALLOW_PRIVATE: 'false' }));
  m = await client.merchant();
  [open, drawn] = await Promise.all([openDrop(client, m, { maxTickets: 2 }), openDrop(client, m, { inventory: 1 })]);
  const receipts = await Promise.all(['w1', 'w2'].map((c) => enter(client, m, drawn.id, c)));
  const record = await drawNow(client, m, drawn.id);
  loser = receipts[0]!.entryId === record.winners[0] ? 'w2' : 'w1';
}, 90_000);
afterAll(async () => { await limited?.stop(); await s?.dispose(); });

type Res = { status: number; body: any; headers: Headers };
const json = (body: unknown) => ({ body, headers: sk(m) });
const shopper = async (customer: string) => client.shopperHeaders(m, customer);
const signed = (secret: string, exp: number, sub = 'someone') => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('fairdrop')
  .setIssuedAt(exp - 600).setExpirationTime(exp).sign(new TextEncoder().encode(secret));
const validDrop = () => ({ name: 'x', inventory: 1, opensAt: new Date(Date.now() + 60_000).toISOString(), closesAt: new Date(Date.now() + 120_000).toISOString() });

/** Ask for a challenge and register with `nonceFor(challenge)` as the solution. */
async function registerWith(customer: string, nonceFor: (ch: any) => number, extra: Record<string, unknown> = {}): Promise<Res> {
  const h = await shopper(customer);
  const ch = (await client.req('POST', `/v1/public/drops/${open.id}/challenge`, { headers: h })).body;
  return client.req('POST', `/v1/public/drops/${open.id}/entries`, { headers: h, body: { tickets: 1, pow: { challenge: ch.challenge, nonce: nonceFor(ch) }, ...humanSignals, ...extra } });
}

/** A challenge signed with the server secret whose expiry has passed (no clock control needed). */
async function expiredChallenge(customer: string): Promise<Res> {
  const payload: PowPayload = { d: open.id, s: sha256Hex(`pow\u0000c_${customer}`).slice(0, 32), x: Date.now() - 1000, n: 'expiredchallenge', b: 0 };
  const challenge = signToken('pow', payload, SECRET);
  return client.req('POST', `/v1/public/drops/${open.id}/entries`, { headers: await shopper(customer), body: { tickets: 1, pow: { challenge, nonce: 0 }, ...humanSignals } });
}

const rows: Array<[string, number, string, () => Promise<Res>]> = [
  ['bad JSON', 400, 'validation_failed', () => client.req('POST', '/v1/drops', json('{"name": "x",'))],
  ['wrong content type', 415, 'unsupported_media_type', () => client.req('POST', '/v1/drops', { body: 'name=x', headers: { ...sk(m), 'content-type': 'text/plain' } })],
  ['unknown fields', 400, 'validation_failed', () => client.req('POST', '/v1/drops', json({ ...validDrop(), colour: 'red' }))],
  ['an out-of-range value', 400, 'validation_failed', () => client.req('POST', '/v1/drops', json({ ...validDrop(), inventory: 0 }))],
  ['a bad loyalty tier', 400, 'validation_failed', () => client.req('PUT', '/v1/shoppers/a/loyalty', json({ tier: 'GOLD!' }))],
  ['a bad entries cursor', 400, 'validation_failed', () => client.req('GET', `/v1/drops/${open.id}/entries?cursor=nope`, { headers: sk(m) })],
  ['missing auth', 401, 'unauthorized', () => client.req('GET', '/v1/merchant')],
  ['a wrong secret key', 401, 'unauthorized', () => client.req('GET', '/v1/merchant', { headers: { authorization: `Bearer sk_${m.merchant.id}_wrongwrongwrongwrong` } })],
  ['a publishable key used as secret key', 401, 'unauthorized', () => client.req('GET', '/v1/drops', { headers: { authorization: `Bearer ${m.publishableKey}` } })],
  ['a wrong publishable key', 401, 'unauthorized', () => client.req('GET', `/v1/public/drops/${open.id}`, { headers: { 'fairdrop-key': `pk_${m.merchant.id}_wrongwrongwrong` } })],
  ['no publishable key', 401, 'unauthorized', () => client.req('GET', '/v1/public/drops')],
  ['a wrong operator token', 401, 'unauthorized', () => client.req('POST', '/v1/admin/merchants', { body: { name: 'x' }, headers: { authorization: `Bearer not-${ADMIN}` } })],
  ['a malformed shopper token', 401, 'shopper_token_invalid', () => client.req('POST', `/v1/public/drops/${open.id}/challenge`, { headers: { ...pk(m), 'fairdrop-shopper': 'not-a-jwt' } })],
  ['a shopper token signed with another key', 401, 'shopper_token_invalid', async () => client.req('GET', `/v1/public/drops/${open.id}/entries/me`, { headers: { ...pk(m), 'fairdrop-shopper': await signed('sts_not_this_merchant_secret', Math.floor(Date.now() / 1000) + 600) } })],
  ['an expired shopper token', 401, 'shopper_token_invalid', async () => client.req('POST', `/v1/public/drops/${open.id}/challenge`, { headers: { ...pk(m), 'fairdrop-shopper': await signed(m.shopperTokenSecret, Math.floor(Date.now() / 1000) - 120) } })],
  ['no shopper at all', 401, 'shopper_required', () => client.req('POST', `/v1/public/drops/${open.id}/challenge`, { headers: pk(m) })],
  ['an unknown drop (merchant)', 404, 'drop_not_found', () => client.req('GET', '/v1/drops/drpDoesNotExist', { headers: sk(m) })],
  ['an unknown drop (public)', 404, 'drop_not_found', () => client.req('GET', '/v1/public/drops/drpDoesNotExist', { headers: pk(m) })],
  ['an unknown drop (audit)', 404, 'drop_not_found', () => client.req('GET', '/v1/public/drops/drpDoesNotExist/record')],
  ['an unknown webhook endpoint', 404, 'not_found', () => client.req('DELETE', '/v1/webhook-endpoints/we_nope', { headers: sk(m) })],
  ['too many tickets', 422, 'too_many_tickets', async () => client.register(m, open.id, 'greedy', { tickets: 3 })],
  ['a wrong PoW nonce', 400, 'pow_invalid', () => registerWith('guesser', (ch) => { let n = 0; while (checkPow(powPrefix(ch.challenge), n, ch.difficulty)) n++; return n; })],
  ['a challenge issued to another shopper', 400, 'pow_invalid', async () => {
    const ch = (await client.req('POST', `/v1/public/drops/${open.id}/challenge`, { headers: await shopper('owner') })).body;
    return client.req('POST', `/v1/public/drops/${open.id}/entries`, { headers: await shopper('thief'), body: { tickets: 1, pow: { challenge: ch.challenge, nonce: solvePowReference(ch.prefix, ch.difficulty)! }, ...humanSignals } });
  }],
  ['an expired PoW challenge', 400, 'pow_expired', () => expiredChallenge('slowpoke')],
  ['no bot signals', 403, 'bot_check_failed', () => registerWith('robot', (ch) => solvePowReference(ch.prefix, ch.difficulty)!, { signals: undefined, fingerprint: undefined })],
  ['a body over 64 KB', 413, 'payload_too_large', () => client.req('POST', '/v1/drops', json({ ...validDrop(), name: 'x'.repeat(70_000) }))],
  ['a purchase before the draw', 409, 'not_drawn', async () => client.req('POST', `/v1/public/drops/${open.id}/purchase`, { headers: await shopper('early') })],
  ['a record before the draw', 409, 'not_drawn', () => client.req('GET', `/v1/public/drops/${open.id}/record`)],
  ['a snapshot before the draw', 409, 'not_drawn', () => client.req('GET', `/v1/public/drops/${open.id}/snapshot`)],
  ['a loser asking to buy', 403, 'not_a_winner', async () => client.req('POST', `/v1/public/drops/${drawn.id}/purchase`, { headers: await shopper(loser) })],
  ['a forged purchase token', 400, 'purchase_token_invalid', () => client.req('POST', `/v1/drops/${drawn.id}/purchases/confirm`, json({ purchaseToken: 'pt.eyJ4IjoxfQ.forged' }))],
  ['a purchase token of another drop', 400, 'purchase_token_invalid', async () => {
    const start = await client.req('POST', `/v1/public/drops/${drawn.id}/purchase`, { headers: await shopper(loser === 'w1' ? 'w2' : 'w1') });
    return client.req('POST', `/v1/drops/${open.id}/purchases/confirm`, json({ purchaseToken: start.body.purchaseToken }));
  }],
  ['a cancel after the draw', 409, 'invalid_state', () => client.req('POST', `/v1/drops/${drawn.id}/cancel`, { headers: sk(m) })],
  ['registering after the draw', 409, 'registration_closed', () => client.register(m, drawn.id, 'latecomer')],
  ['registering for a cancelled drop (challenge taken before)', 409, 'registration_closed', async () => {
    const d = await client.drop(m, {}, 60_000, 120_000);
    const h = await shopper('hopeful');
    const ch = (await client.req('POST', `/v1/public/drops/${d.id}/challenge`, { headers: h })).body;
    await client.req('POST', `/v1/drops/${d.id}/cancel`, { headers: sk(m) });
    return client.req('POST', `/v1/public/drops/${d.id}/entries`, { headers: h, body: { tickets: 1, pow: { challenge: ch.challenge, nonce: solvePowReference(ch.prefix, ch.difficulty)! }, ...humanSignals } });
  }],
  ['an unknown route', 404, 'not_found', () => client.req('GET', '/v1/no-such-route')],
  ['a known path with another method', 405, 'method_not_allowed', () => client.req('DELETE', '/v1/drops', { headers: sk(m) })],
];

describe.concurrent('problem documents', () => {
  it.each(rows)('%s → %i %s', async (_name, status, code, run) => {
    const r = await run();
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ status, code });
    expect(r.status).toBe(status);
    expect(typeof r.body.detail).toBe('string');
  });

  it('refuses webhook URLs that are not https or point at this network (outside development)', async () => {
    const strict = new TestClient(limited.apiUrl);
    // Issue 9, item 2: other spellings of private addresses, and names that mean this machine.
    for (const url of ['http://shop.example/hooks', 'https://127.0.0.1:9070/deployments', 'https://169.254.169.254/latest/meta-data', 'https://[::ffff:127.0.0.1]:9070/x',
      'https://[::ffff:7f00:1]/x', 'https://[0:0:0:0:0:ffff:127.0.0.1]/x', 'https://localhost./x', 'https://[64:ff9b::7f00:1]/x', 'https://[fec0::1]/x', 'https://198.18.0.1/x', 'https://127.1/x', 'https://0x7f000001/x']) {
      const r = await strict.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url } });
      expect(r.status, url).toBe(400);
      expect(r.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'url' }] });
    }
    expect((await strict.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url: 'https://shop.example/hooks' } })).status).toBe(201);
  });

  it('rate limits a client past its burst with 429 rate_limited and Retry-After', async () => {
    const fast = new TestClient(limited.apiUrl);
    const h = await fast.shopperHeaders(m, 'hasty');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await fast.req('POST', `/v1/public/drops/${open.id}/challenge`, { headers: h }));
    const limitedRes = results.find((r) => r.status === 429)!;
    expect(limitedRes, results.map((r) => r.status).join(',')).toBeDefined();
    expect(limitedRes.body.code).toBe('rate_limited');
    expect(Number(limitedRes.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
