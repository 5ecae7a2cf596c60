/**
 * The contract test. TestClient validates every response against openapi.yaml (contract.ts);
 * this file checks the checker, tours every operation once, and fails if any operation of the
 * contract (other than the SSE streams, tested in sse*.int.test.ts) went uncalled.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { verifyInclusion } from '@fairdrop/sdk/draw';
import { checkResponse, exercised, requiredOperations, ContractError } from './contract.js';
import { startStack, pk, sk, openDrop, drawNow, enter, SECRET, type Stack } from './stack.js';
import { confirmToken, recipientKey, unsubscribeToken } from '../src/core/notices/links.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

describe('the contract checker', () => {
  afterAll(() => exercised.clear()); // these probes are not calls to the API
  const drop = '/v1/public/drops/drpX';
  it('rejects an undocumented status', () => {
    expect(() => checkResponse('POST', '/v1/public/drops/drpX/entries', 202, 'application/json', {})).toThrow(ContractError);
    expect(() => checkResponse('DELETE', '/v1/webhook-endpoints/we_1', 204, '', '')).not.toThrow();
  });
  it('rejects a content type the operation does not declare', () => {
    expect(() => checkResponse('GET', drop, 404, 'application/json', { type: 't', title: 't', status: 404, code: 'drop_not_found' })).toThrow(/content type/);
  });
  it('rejects a body that violates the schema', () => {
    expect(() => checkResponse('GET', '/v1/public/time', 200, 'application/json', { serverTime: 'yesterday', epochMs: 1 })).toThrow(/violates/);
    expect(() => checkResponse('GET', drop, 409, 'application/problem+json', { type: 't', title: 't', status: 409, code: 'no_such_code' })).toThrow(/violates/);
  });
  it('requires unknown routes to answer with a problem document', () => {
    expect(() => checkResponse('GET', '/v2/nothing', 404, 'text/plain', 'Not Found')).toThrow(/problem/);
    expect(() => checkResponse('GET', '/v2/nothing', 404, 'application/problem+json', { type: 't', title: 'Not found', status: 404, code: 'not_found' })).not.toThrow();
  });
});

describe('every operation, once', () => {
  it('answers every route as openapi.yaml documents it', async () => {
    const { client } = s;
    expect((await client.req('GET', '/health')).body.status).toBe('ok');
    const m = await client.merchant('Contract shop');
    const me = await client.req('GET', '/v1/merchant', { headers: sk(m) });
    expect(me.body.id).toBe(m.merchant.id);
    expect((await client.req('PATCH', '/v1/merchant', { headers: sk(m), body: { allowedOrigins: ['https://shop.example'] } })).body.allowedOrigins).toEqual(['https://shop.example']);

    const hook = await client.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url: 'http://127.0.0.1:9/hooks', events: ['drop.opened'] } });
    expect(hook.status).toBe(201);
    expect((await client.req('GET', '/v1/webhook-endpoints', { headers: sk(m) })).body.data).toHaveLength(1);
    expect((await client.req('DELETE', `/v1/webhook-endpoints/${hook.body.id}`, { headers: sk(m) })).status).toBe(204);

    expect((await client.req('PUT', '/v1/shoppers/alice/loyalty', { headers: sk(m), body: { tier: 'gold' } })).body).toEqual({ shopperId: 'alice', tier: 'gold', rolloverCredits: 0 });
    expect((await client.req('GET', '/v1/shoppers/alice/loyalty', { headers: sk(m) })).body.tier).toBe('gold');

    const d = await openDrop(client, m, { inventory: 1, maxTickets: 3, ticketPrice: { amount: 500, currency: 'EUR' }, loyaltyMultipliers: { gold: 2 } });
    expect((await client.req('GET', '/v1/drops', { headers: sk(m) })).body.data.map((x: any) => x.id)).toContain(d.id);
    expect((await client.req('GET', `/v1/drops/${d.id}`, { headers: sk(m) })).body.pricing[2]).toEqual({ tickets: 3, priceUnits: 5, amount: 2500 });
    expect((await client.req('GET', '/v1/public/time')).body.epochMs).toBeTypeOf('number');
    const widget = await client.req('GET', '/v1/widget/fair-drop.js');
    expect(widget.body).toContain('fair-drop');
    expect((await client.req('GET', `/v1/widget/${widget.headers.get('fairdrop-widget-version')}/fair-drop.worker.js`)).status).toBe(200);
    expect((await client.req('GET', '/v1/public/drops', { headers: pk(m) })).body.data.map((x: any) => x.id)).toContain(d.id);

    const alice = await enter(client, m, d.id, 'alice', { tickets: 2 }); // challenge + register
    expect(alice.multipliers).toMatchObject({ loyalty: 2, tier: 'gold' });
    await enter(client, m, d.id, 'bob');
    const mine = await client.req('GET', `/v1/public/drops/${d.id}/entries/me`, { headers: await client.shopperHeaders(m, 'alice') });
    expect(mine.body).toMatchObject({ registered: true, status: 'registered', receipt: { entryId: alice.entryId } });

    const listed: any[] = [];
    for (let cursor: string | undefined = '', pages = 0; cursor !== undefined && pages < 20; pages++) {
      const page = await client.req('GET', `/v1/drops/${d.id}/entries${cursor ? `?cursor=${cursor}` : ''}`, { headers: sk(m) });
      listed.push(...page.body.data);
      cursor = page.body.nextCursor;
    }
    expect(listed.map((e) => e.shopperId).sort()).toEqual(['alice', 'bob']);

    const record = await drawNow(client, m, d.id);
    expect((await client.req('GET', `/v1/public/drops/${d.id}/record`)).body).toEqual(record);
    const snap = await client.req('GET', `/v1/public/drops/${d.id}/snapshot`);
    expect(String(snap.body).trim().split('\n')).toHaveLength(2);
    const proof = await client.req('GET', `/v1/public/drops/${d.id}/proof/${alice.entryId}`);
    expect(verifyInclusion(proof.body, record.root, record.entryCount)).toBe(true);
    const page = await client.req('GET', `/verify/${d.id}`);
    expect(page.status).toBe(200);
    const asset = /\.\/assets\/([\w.-]+\.js)/.exec(String(page.body))?.[1];
    expect((await client.req('GET', `/verify/assets/${asset}`)).status).toBe(200);

    const winner = listed.find((e) => e.entryId === record.winners[0])!.shopperId;
    const start = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, winner) });
    expect(start.status).toBe(200);
    const bought = await client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, orderId: 'order-1', customerId: winner } });
    expect(bought.body).toMatchObject({ entryId: record.winners[0], slot: 0, orderId: 'order-1' });

    const other = await client.drop(m, {}, 60_000, 120_000);
    expect((await client.req('POST', `/v1/drops/${other.id}/cancel`, { headers: sk(m) })).body.phase).toBe('cancelled');
  });

  it('answers the shopper-email routes as documented', async () => {
    const { client } = s;
    const m = await client.merchant('Contract mail shop');
    const put = await client.req('PUT', '/v1/merchant/email', { headers: sk(m), body: { from: { address: 'drops@shop.example' }, smtp: { host: '127.0.0.1', port: 2525, security: 'none', password: 'pw' } } });
    expect(put.body.smtp.hasPassword).toBe(true);
    expect((await client.req('GET', '/v1/merchant/email', { headers: sk(m) })).body.from.address).toBe('drops@shop.example');
    const later = await client.drop(m, {}, 3_600_000, 7_200_000);
    const watch = await client.req('POST', `/v1/public/drops/${later.id}/watch`, { headers: { ...pk(m), 'fairdrop-shopper': await client.shopperToken(m, 'watcher') }, body: { email: 'w@example.com' } });
    expect([watch.status, watch.body.confirmationRequired]).toEqual([202, true]);
    expect((await client.req('GET', `/v1/drops/${later.id}/notices`, { headers: sk(m) })).body.ratePerSecond).toBe(50);
    expect((await client.req('GET', `/v1/drops/${later.id}/entries/00AAAAAAAAAAAAAA/notices`, { headers: sk(m) })).body.data).toEqual([]);
    const rkey = recipientKey(SECRET, m.merchant.id, 'w@example.com');
    const ct = confirmToken(SECRET, m.merchant.id, rkey, 'w@example.com', Date.now());
    expect((await client.req('GET', `/v1/public/email/confirm?t=${encodeURIComponent(ct)}`)).status).toBe(200);
    const ut = encodeURIComponent(unsubscribeToken(SECRET, m.merchant.id, rkey, Date.now()));
    expect((await client.req('GET', `/v1/public/email/unsubscribe?t=${ut}`)).body).toContain('<form');
    expect((await client.req('POST', `/v1/public/email/unsubscribe?t=${ut}`)).status).toBe(200);
    expect((await client.req('DELETE', '/v1/merchant/email', { headers: sk(m) })).status).toBe(204);
    expect((await client.req('GET', '/v1/merchant/email', { headers: sk(m) })).body.code).toBe('email_not_configured');
  });

  it('covers every route of the contract (SSE streams excepted)', () => {
    const missing = requiredOperations().filter((op) => !exercised.has(op));
    console.log(`contract: ${exercised.size} operations exercised: ${[...exercised].map(([op, st]) => `${op} ${[...st].join('/')}`).join(', ')}`);
    expect(missing, `operations never called: ${missing.join(', ')}`).toEqual([]);
  });
});
