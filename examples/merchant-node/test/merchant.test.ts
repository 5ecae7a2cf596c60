/**
 * The merchant example against the real service (the SDK tests' harness): it registers its
 * webhook endpoint and creates a drop; a signed-in customer gets a shopper token, enters,
 * wins, pays at the fake checkout, and the backend confirms the purchase and receives the
 * signed webhooks. A forged webhook is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, unwrap } from '@fairdrop/sdk';
import { signWebhookForTest } from '@fairdrop/sdk/webhooks';
import { startService, waitFor, humanSignals, type Service } from '../../../sdk/test/service.js';
import { startBackend } from '../src/main.js';

let svc: Service;
let publishableKey: string;
let backend: Awaited<ReturnType<typeof startBackend>>;
const logs: string[] = [];

beforeAll(async () => {
  svc = await startService();
  const m = await svc.merchant('Merchant example');
  backend = await startBackend({ apiUrl: svc.apiUrl, secretKey: m.secretKey, shopperTokenSecret: m.shopperTokenSecret, webhookSecret: m.webhookSecret, port: 0, host: '127.0.0.1' }, (l) => logs.push(l), { beacon: 'none' }); // drawn at once; beacon drops: server/test/beacon.int.test.ts
  publishableKey = m.publishableKey;
}, 60_000);
afterAll(async () => { await svc?.dispose(); });

async function as(user: string) {
  const login = await fetch(`${backend.url}/login?user=${user}`, { method: 'POST' });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return (path: string, init: RequestInit = {}) => fetch(backend.url + path, { ...init, headers: { cookie, 'content-type': 'application/json', ...init.headers } });
}

describe('merchant-node example', () => {
  it('runs a drop end to end: token, entry, win, checkout, confirmed purchase, webhooks', async () => {
    const dropId = backend.drop.id;
    const alice = await as('alice');
    const { shopperToken } = (await (await alice('/fairdrop-token')).json()) as { shopperToken: string };
    const shopper = createPublicClient({ baseUrl: svc.apiUrl, publishableKey, shopperToken });
    await waitFor('registration', async () => unwrap(await shopper.drop(dropId)).phase === 'registration');
    const receipt = unwrap(await shopper.enter(dropId, { tickets: 1, ...humanSignals }));

    unwrap(await backend.fairdrop.drops.drawNow(dropId));
    await waitFor('won', async () => unwrap(await shopper.myEntry(dropId)).status === 'won');
    const { purchaseToken } = unwrap(await shopper.startPurchase(dropId));

    const res = await alice('/checkout', { method: 'POST', body: JSON.stringify({ dropId, purchaseToken }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ customerId: 'alice', dropId, entryId: receipt.entryId });
    const again = await alice('/checkout', { method: 'POST', body: JSON.stringify({ dropId, purchaseToken }) });
    expect(again.status).toBe(409); // a slot is bought once

    await waitFor('purchase.completed webhook', async () => backend.app.events.some((e) => e.type === 'purchase.completed'), 15_000);
    const types = backend.app.events.map((e) => e.type);
    expect(types).toContain('draw.completed');
    expect(logs.some((l) => l.startsWith('order ord_1: alice bought slot'))).toBe(true);
  });

  it('18.16: customer B’s purchase token posted from customer A’s session buys nothing', async () => {
    const dropId = unwrap(await backend.fairdrop.drops.create({ name: 'Two customers', inventory: 1, beacon: 'none', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 60_000).toISOString() })).id;
    const bob = await as('bob');
    const carol = await as('carol');
    const { shopperToken } = (await (await bob('/fairdrop-token')).json()) as { shopperToken: string };
    const shopper = createPublicClient({ baseUrl: svc.apiUrl, publishableKey, shopperToken });
    await waitFor('registration', async () => unwrap(await shopper.drop(dropId)).phase === 'registration');
    unwrap(await shopper.enter(dropId, { tickets: 1, ...humanSignals }));
    unwrap(await backend.fairdrop.drops.drawNow(dropId));
    await waitFor('won', async () => unwrap(await shopper.myEntry(dropId)).status === 'won');
    const { purchaseToken } = unwrap(await shopper.startPurchase(dropId));
    const stolen = await carol('/checkout', { method: 'POST', body: JSON.stringify({ dropId, purchaseToken }) });
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toMatchObject({ error: 'purchase_shopper_mismatch' });
    const own = await bob('/checkout', { method: 'POST', body: JSON.stringify({ dropId, purchaseToken }) });
    expect(own.status).toBe(201);
  });

  it('refuses a token request without sign-in and a webhook with a bad signature', async () => {
    expect((await fetch(`${backend.url}/fairdrop-token`)).status).toBe(401);
    const body = JSON.stringify({ id: 'evt_forged', type: 'entry.won', createdAt: new Date().toISOString(), dropId: backend.drop.id, data: {} });
    const forged = await fetch(`${backend.url}/webhooks/fairdrop`, { method: 'POST', body, headers: { 'fairdrop-signature': signWebhookForTest(body, 'not-the-secret') } });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: 'signature_mismatch' });
    expect(backend.app.events.some((e) => e.id === 'evt_forged')).toBe(false);
  });
});

describe('merchant-node example, on exit', () => {
  it('18.17: takes its webhook endpoint away when it stops', async () => {
    const id = backend.hookId;
    expect(unwrap(await backend.fairdrop.webhookEndpoints.list()).data.some((h) => h.id === id)).toBe(true);
    await backend.close();
    expect(unwrap(await backend.fairdrop.webhookEndpoints.list()).data.some((h) => h.id === id)).toBe(false);
  });
});
