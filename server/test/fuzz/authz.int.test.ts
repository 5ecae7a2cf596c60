/**
 * The authorization matrix (issue 9): every operation of openapi.yaml × 22 credentials, table-driven.
 * The expected answer of each cell follows from the operation's `security` in the contract: who may
 * call it, what a wrong key, another merchant's key, a foreign Origin or a bad shopper gets. Another
 * merchant's key never sees merchant A's drops (404, as if they did not exist), and no answer ever
 * carries A's secrets.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SignJWT } from 'jose';
import { operations, openapi, checkResponse } from '../contract.js';
import { startStack, openDrop, enter, drawNow, ADMIN, type Stack } from '../stack.js';
import type { Merchant } from '../client.js';

let s: Stack; let A: Merchant; let B: Merchant;
let ids: { open: string; drawn: string; cancel: string; draw: string; entry: string; endpoint: string };
beforeAll(async () => {
  s = await startStack();
  [A, B] = await Promise.all([s.client.merchant('Shop A', ['https://a.example']), s.client.merchant('Shop B')]);
  const [open, drawn] = await Promise.all([openDrop(s.client, A, { powDifficulty: 0 }), openDrop(s.client, A, { inventory: 1 })]);
  const entry = (await enter(s.client, A, drawn.id, 'alice')).entryId;
  await drawNow(s.client, A, drawn.id);
  const [cancel, draw] = await Promise.all([s.client.drop(A, {}, 60_000, 120_000), s.client.drop(A, {}, 60_000, 120_000)]);
  const ep = await s.client.req('POST', '/v1/webhook-endpoints', { headers: { authorization: `Bearer ${A.secretKey}` }, body: { url: 'http://127.0.0.1:9/hooks' } });
  ids = { open: open.id, drawn: drawn.id, cancel: cancel.id, draw: draw.id, entry, endpoint: ep.body.id };
}, 120_000);
afterAll(async () => { await s?.dispose(); });

const jwt = (secret: string, sub: string, expS: number) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('fairdrop')
  .setIssuedAt().setExpirationTime(Math.floor(Date.now() / 1000) + expS).sign(new TextEncoder().encode(secret));

type Who = 'none' | 'operator' | 'A-secret' | 'B-secret' | 'A-public' | 'A-public-foreign' | 'B-public' | 'A-shopper' | 'B-shopper' | 'bad-shopper' | 'anon-shopper' | 'A-public-no-shopper';
interface Cred { name: string; who: Who; headers: () => Promise<Record<string, string>> }
const pkA = () => ({ 'fairdrop-key': A.publishableKey });
const CREDS: Cred[] = [
  { name: 'no credentials', who: 'none', headers: async () => ({}) },
  { name: 'the operator token', who: 'operator', headers: async () => ({ authorization: `Bearer ${ADMIN}` }) },
  { name: 'a wrong operator token', who: 'none', headers: async () => ({ authorization: `Bearer ${ADMIN}x` }) },
  { name: "A's secret key", who: 'A-secret', headers: async () => ({ authorization: `Bearer ${A.secretKey}` }) },
  { name: "B's secret key", who: 'B-secret', headers: async () => ({ authorization: `Bearer ${B.secretKey}` }) },
  { name: "A's secret key, secret part wrong", who: 'none', headers: async () => ({ authorization: `Bearer ${A.secretKey.slice(0, -4)}zzzz` }) },
  { name: 'a secret key of no merchant', who: 'none', headers: async () => ({ authorization: 'Bearer sk_merNoSuchMerchant_abcdefghijklmnopqrstuvwxyz012345' }) },
  { name: "A's publishable key as a bearer", who: 'none', headers: async () => ({ authorization: `Bearer ${A.publishableKey}` }) },
  { name: 'a malformed bearer', who: 'none', headers: async () => ({ authorization: 'Bearer ' }) },
  { name: "A's secret key as publishable key", who: 'none', headers: async () => ({ 'fairdrop-key': A.secretKey }) },
  { name: "A's publishable key, secret part wrong", who: 'none', headers: async () => ({ 'fairdrop-key': `${A.publishableKey.slice(0, -4)}zzzz` }) },
  { name: "A's publishable key, no Origin", who: 'A-public-no-shopper', headers: async () => pkA() },
  { name: "A's publishable key from an allowed Origin", who: 'A-public-no-shopper', headers: async () => ({ ...pkA(), origin: 'https://a.example' }) },
  { name: "A's publishable key from a foreign Origin", who: 'A-public-foreign', headers: async () => ({ ...pkA(), origin: 'https://evil.example' }) },
  { name: "A's publishable key from Origin null", who: 'A-public-foreign', headers: async () => ({ ...pkA(), origin: 'null' }) },
  { name: "B's publishable key", who: 'B-public', headers: async () => ({ 'fairdrop-key': B.publishableKey }) },
  { name: "A's publishable key + A's shopper", who: 'A-shopper', headers: async () => ({ ...pkA(), 'fairdrop-shopper': await jwt(A.shopperTokenSecret, 'alice', 600) }) },
  { name: "A's publishable key + a shopper signed with B's secret", who: 'bad-shopper', headers: async () => ({ ...pkA(), 'fairdrop-shopper': await jwt(B.shopperTokenSecret, 'alice', 600) }) },
  { name: "A's publishable key + an expired shopper token", who: 'bad-shopper', headers: async () => ({ ...pkA(), 'fairdrop-shopper': await jwt(A.shopperTokenSecret, 'alice', -600) }) },
  { name: "A's publishable key + a ten-year shopper token", who: 'bad-shopper', headers: async () => ({ ...pkA(), 'fairdrop-shopper': await jwt(A.shopperTokenSecret, 'alice', 10 * 365 * 86_400) }) },
  { name: "A's publishable key + an anonymous id (drop is not anonymous)", who: 'anon-shopper', headers: async () => ({ ...pkA(), 'fairdrop-anonymous-id': 'anon_0123456789abcdef' }) },
  { name: "B's publishable key + B's shopper", who: 'B-shopper', headers: async () => ({ 'fairdrop-key': B.publishableKey, 'fairdrop-shopper': await jwt(B.shopperTokenSecret, 'alice', 600) }) },
];

const REFUSALS = new Set(['unauthorized', 'forbidden', 'origin_not_allowed', 'shopper_token_invalid', 'shopper_required', 'anonymous_not_allowed']);

/** The expected answer: 'pass' (authorization passed; the operation's own answer follows) or a refusal code. */
function expected(op: (typeof operations)[number], who: Who): string {
  const security: Array<Record<string, unknown>> = openapi.paths[op.template][op.method.toLowerCase()].security ?? [];
  const schemes = new Set(security.flatMap((x) => Object.keys(x)));
  const dropScoped = op.template.includes('{dropId}');
  const sse = !!op.responses['200']?.content?.['text/event-stream'];
  if (schemes.size === 0) return 'pass';
  if (schemes.has('operatorToken')) return who === 'operator' ? 'pass' : 'unauthorized';
  if (schemes.has('secretKey')) {
    if (who === 'A-secret') return 'pass';
    if (who === 'B-secret') return dropScoped ? 'drop_not_found' : 'pass';
    return 'unauthorized';
  }
  const needsShopper = schemes.has('shopperToken');
  const publicA = ['A-public-no-shopper', 'A-shopper', 'bad-shopper', 'anon-shopper'].includes(who);
  if (who === 'A-public-foreign') return 'origin_not_allowed';
  if (who === 'B-public' || who === 'B-shopper') return dropScoped ? 'drop_not_found' : 'pass';
  if (!publicA) return 'unauthorized';
  // Storefront routes that need no shopper ignore the shopper headers, except the SSE stream, which checks them when given.
  const checksShopper = needsShopper || (sse && dropScoped);
  if (who === 'bad-shopper' && checksShopper) return 'shopper_token_invalid';
  if (who === 'anon-shopper' && checksShopper) return 'anonymous_not_allowed';
  if (who === 'A-public-no-shopper' && needsShopper) return 'shopper_required';
  return 'pass';
}

function pathFor(template: string): string {
  return template.replace('{dropId}', /\/cancel$/.test(template) ? ids.cancel : /\/draw$/.test(template) ? ids.draw : template.includes('/public/') ? (/record|snapshot|proof|purchase/.test(template) ? ids.drawn : ids.open) : ids.open)
    .replace('{entryId}', ids.entry).replace('{endpointId}', ids.endpoint).replace('{shopperId}', 'alice');
}
const BODIES: Record<string, unknown> = { createMerchant: { name: 'matrix' }, updateMerchant: {}, createWebhookEndpoint: { url: 'http://127.0.0.1:9/x' }, setShopperLoyalty: { tier: 'gold' },
  createDrop: { name: 'x', inventory: 1, opensAt: new Date(Date.now() + 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7_200_000).toISOString() },
  confirmPurchase: { purchaseToken: 'pt.x.y' }, register: { tickets: 1, pow: { challenge: 'x', nonce: 0 } } };

const cells = operations.flatMap((op) => CREDS.map((cred) => ({ op, cred, expect: expected(op, cred.who) })));

describe('authorization matrix', () => {
  it(`has ${operations.length} operations × ${CREDS.length} credentials`, () => { expect(cells.length).toBe(operations.length * CREDS.length); });

  it.each(cells.map((c) => [c.op.operationId, c.cred.name, c.expect, c] as const))('%s with %s → %s', async (_op, _cred, want, { op, cred }) => {
    const path = pathFor(op.template);
    const headers = await cred.headers();
    let status: number; let body: any;
    if (op.responses['200']?.content?.['text/event-stream']) {
      const abort = new AbortController();
      const res = await fetch(s.fd.sseUrl + path, { headers, signal: abort.signal });
      status = res.status;
      const text = status === 200 ? '' : await res.text();
      abort.abort();
      body = text ? JSON.parse(text) : {};
      if (status !== 200) checkResponse('GET', path, status, res.headers.get('content-type') ?? '', body);
    } else {
      const payload = BODIES[op.operationId];
      ({ status, body } = await s.client.req(op.method, path, { headers, ...(payload !== undefined ? { body: payload } : {}) }));
    }
    const code = typeof body === 'object' && body ? body.code : undefined;
    if (want === 'pass') {
      expect(REFUSALS.has(code) || code === 'drop_not_found', `${status} ${JSON.stringify(body).slice(0, 200)}`).toBe(false);
      expect(status).toBeLessThan(500);
    } else {
      expect(code, `${status} ${JSON.stringify(body).slice(0, 200)}`).toBe(want);
    }
    const text = JSON.stringify(body ?? '');
    for (const secret of [A.secretKey, A.shopperTokenSecret, A.webhookSecret]) expect(text.includes(secret)).toBe(false);
    if (cred.who.startsWith('B-')) expect(text.includes(A.merchant.id), 'B saw A').toBe(false);
  });
});
