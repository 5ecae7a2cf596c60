/**
 * What an entry is worth and who may enter: rollover credits carried to the next drop, loyalty
 * tiers, geo-fences (exclusive and bonus), anonymous mode, cross-merchant isolation and the
 * storefront origin allow-list.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, pk, sk, openDrop, drawNow, enter, waitFor, publicDrop, type Stack } from './stack.js';
import type { Merchant, TestClient } from './client.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

const BERLIN = { lat: 52.52, lon: 13.405 };
const POTSDAM = { lat: 52.39, lon: 13.06 };
const PARIS = { lat: 48.857, lon: 2.352 };
const fence = (mode: 'exclusive' | 'bonus') => ({ geoFence: { mode, center: BERLIN, radiusKm: 50, bonusMultiplier: 3 } });

/** Run a drop in which four shoppers enter with 3 tickets (1 free + 2 paid) and one wins and buys. */
async function loserWithCredits(client: TestClient, m: Merchant): Promise<{ dropId: string; winner: string; loser: string }> {
  const customers = ['r1', 'r2', 'r3', 'r4'];
  const d = await openDrop(client, m, { inventory: 1, maxTickets: 3, rollover: { enabled: true, cap: 10 } });
  const receipts = await Promise.all(customers.map((c) => enter(client, m, d.id, c, { tickets: 3 })));
  for (const r of receipts) expect(r.breakdown).toMatchObject({ rollover: 0, free: 1, paid: 2 });
  const record = await drawNow(client, m, d.id);
  const winner = customers[receipts.findIndex((r) => r.entryId === record.winners[0])]!;
  const loser = customers.find((c) => c !== winner)!;
  // The winner buys, every slot is final, the drop completes and the shards learn the outcome.
  const start = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, winner) });
  await client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, customerId: winner } });
  await waitFor('completed', async () => (await publicDrop(client, m, d.id)).phase === 'completed');
  await waitFor('credits', async () => (await client.req('GET', `/v1/shoppers/${loser}/loyalty`, { headers: sk(m) })).body.rolloverCredits === 2);
  return { dropId: d.id, winner, loser };
}

describe.concurrent('entries', () => {
  it('turns a losing paid entry into rollover credits applied in the next drop', async () => {
    const { client } = s;
    const m = await client.merchant();
    const { loser, winner, dropId } = await loserWithCredits(client, m);
    const lost = await client.req('GET', `/v1/public/drops/${dropId}/entries/me`, { headers: await client.shopperHeaders(m, loser) });
    expect(lost.body).toMatchObject({ status: 'lost', rolloverCreditsEarned: 2, rolloverCredits: 2 });
    expect((await client.req('GET', `/v1/shoppers/${winner}/loyalty`, { headers: sk(m) })).body.rolloverCredits).toBe(0);

    const d2 = await openDrop(client, m, { inventory: 1, maxTickets: 3 });
    const next = await enter(client, m, d2.id, loser, { tickets: 3 });
    expect(next.breakdown).toMatchObject({ rollover: 2, free: 1, paid: 0, priceUnits: 0 });
    expect((await client.req('GET', `/v1/shoppers/${loser}/loyalty`, { headers: sk(m) })).body.rolloverCredits).toBe(0);
    expect((await enter(client, m, d2.id, winner, { tickets: 3 })).breakdown.rollover).toBe(0);
  }, 60_000);

  it('gives back rollover credits spent in a drop that is then cancelled', async () => {
    const { client } = s;
    const m = await client.merchant();
    const { loser } = await loserWithCredits(client, m);
    const credits = async () => (await client.req('GET', `/v1/shoppers/${loser}/loyalty`, { headers: sk(m) })).body.rolloverCredits;
    const d2 = await openDrop(client, m, { maxTickets: 3 });
    expect((await enter(client, m, d2.id, loser, { tickets: 3 })).breakdown).toMatchObject({ rollover: 2, free: 1, paid: 0 }); // credits add tickets on top of the free one
    expect(await credits()).toBe(0);
    expect((await client.req('POST', `/v1/drops/${d2.id}/cancel`, { headers: sk(m) })).body.phase).toBe('cancelled');
    await waitFor('credits returned', async () => (await credits()) === 2, 10_000);
    const d3 = await openDrop(client, m, { maxTickets: 3 });
    expect((await enter(client, m, d3.id, loser, { tickets: 3 })).breakdown).toMatchObject({ rollover: 2, free: 1, paid: 0 });
  }, 60_000);

  it('multiplies the weight by the shopper’s loyalty tier', async () => {
    const { client } = s;
    const m = await client.merchant();
    const tier = await client.req('PUT', '/v1/shoppers/vip/loyalty', { headers: sk(m), body: { tier: 'gold' } });
    expect(tier.body).toMatchObject({ shopperId: 'vip', tier: 'gold' });
    const d = await openDrop(client, m, { maxTickets: 2, loyaltyMultipliers: { gold: 4 } });
    expect(await enter(client, m, d.id, 'vip', { tickets: 2 })).toMatchObject({ weight: 8, multipliers: { loyalty: 4, tier: 'gold', geo: 1 } });
    expect(await enter(client, m, d.id, 'plain', { tickets: 2 })).toMatchObject({ weight: 2, multipliers: { loyalty: 1, tier: null } });
  });

  it('admits only shoppers inside an exclusive geo-fence', async () => {
    const { client } = s;
    const m = await client.merchant();
    const d = await openDrop(client, m, fence('exclusive'));
    const none = await client.register(m, d.id, 'nowhere');
    expect([none.status, none.body.code]).toEqual([422, 'location_required']);
    const outside = await client.register(m, d.id, 'parisian', { location: PARIS });
    expect([outside.status, outside.body.code]).toEqual([403, 'geo_blocked']);
    expect(await enter(client, m, d.id, 'local', { location: POTSDAM })).toMatchObject({ weight: 1, multipliers: { geo: 1 } });
  });

  it('multiplies the weight inside a bonus geo-fence', async () => {
    const { client } = s;
    const m = await client.merchant();
    const d = await openDrop(client, m, fence('bonus'));
    expect(await enter(client, m, d.id, 'inside', { location: BERLIN })).toMatchObject({ weight: 3, multipliers: { geo: 3 } });
    expect(await enter(client, m, d.id, 'outside', { location: PARIS })).toMatchObject({ weight: 1, multipliers: { geo: 1 } });
    expect(await enter(client, m, d.id, 'unknown')).toMatchObject({ weight: 1 });
  });

  it('accepts anonymous shoppers only where the drop allows it', async () => {
    const { client } = s;
    const m = await client.merchant();
    const anon = { ...pk(m), 'fairdrop-anonymous-id': 'anon_0123456789abcdef' };
    const open = await openDrop(client, m, { allowAnonymous: true });
    const closed = await openDrop(client, m);
    const first = await client.register(m, open.id, 'unused', {}, anon);
    expect(first.status).toBe(201);
    expect((await client.register(m, open.id, 'unused', {}, anon)).body.entryId).toBe(first.body.entryId);
    const mine = await client.req('GET', `/v1/public/drops/${open.id}/entries/me`, { headers: anon });
    expect(mine.body).toMatchObject({ registered: true, receipt: { entryId: first.body.entryId } });
    const denied = await client.register(m, closed.id, 'unused', {}, anon);
    expect([denied.status, denied.body.code]).toEqual([401, 'anonymous_not_allowed']);
  });

  it('keeps each merchant’s drops invisible to other merchants’ keys', async () => {
    const { client } = s;
    const [a, b] = await Promise.all([client.merchant('A'), client.merchant('B')]);
    const d = await openDrop(client, a);
    await enter(client, a, d.id, 'x');
    for (const [method, path, headers] of [
      ['GET', `/v1/drops/${d.id}`, sk(b)], ['POST', `/v1/drops/${d.id}/draw`, sk(b)], ['POST', `/v1/drops/${d.id}/cancel`, sk(b)],
      ['GET', `/v1/drops/${d.id}/entries`, sk(b)], ['GET', `/v1/public/drops/${d.id}`, pk(b)],
    ] as const) {
      const r = await client.req(method, path, { headers });
      expect([r.status, r.body.code], `${method} ${path}`).toEqual([404, 'drop_not_found']);
    }
    const reg = await client.register(b, d.id, 'x');
    expect([reg.status, reg.body.code]).toEqual([404, 'drop_not_found']);
    expect((await client.req('GET', '/v1/drops', { headers: sk(b) })).body.data).toEqual([]);
    expect((await publicDrop(client, a, d.id)).phase).toBe('registration'); // B's calls changed nothing
  });

  it('refuses storefront calls from origins not on the allow-list', async () => {
    const { client } = s;
    const m = await client.merchant('Shop', ['https://shop.example']);
    const d = await client.drop(m, {}, 60_000, 120_000);
    const good = await client.req('GET', `/v1/public/drops/${d.id}`, { headers: { ...pk(m), origin: 'https://shop.example' } });
    expect(good.status).toBe(200);
    expect(good.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const bad = await client.req('GET', `/v1/public/drops/${d.id}`, { headers: { ...pk(m), origin: 'https://evil.example' } });
    expect([bad.status, bad.body.code]).toEqual([403, 'origin_not_allowed']);
    expect(bad.headers.get('access-control-allow-origin')).not.toBe('https://shop.example');
    const reg = await client.register(m, d.id, 'x', {}, { ...(await client.shopperHeaders(m, 'x')), origin: 'https://evil.example' });
    expect([reg.status, reg.body.code]).toEqual([403, 'origin_not_allowed']);
  });

  it('matches allow-list entries by origin, however the merchant wrote them', async () => {
    const { client } = s;
    // Browsers send a lower-case host without path or default port.
    const m = await client.merchant('Shop', ['https://Shop.Example:443/drops/']);
    const d = await client.drop(m, {}, 60_000, 120_000);
    const r = await client.req('GET', `/v1/public/drops/${d.id}`, { headers: { ...pk(m), origin: 'https://shop.example' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const other = await client.req('GET', `/v1/public/drops/${d.id}`, { headers: { ...pk(m), origin: 'http://shop.example' } });
    expect(other.body.code).toBe('origin_not_allowed');
  });
});
