/**
 * After the draw: a winner buys once (also under 50 concurrent confirmations); a winner who does
 * not buy expires, the next backup is promoted with a fresh window, and the merchant hears about
 * both through signed webhooks.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, sk, openDrop, drawNow, enter, publicDrop, webhookSink, signatureValid, waitFor, type Stack, type Delivery } from './stack.js';
import type { Merchant, TestClient } from './client.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

/** Register customers, draw, and map entry ids back to customers. */
async function drawn(client: TestClient, m: Merchant, customers: string[], over: Record<string, unknown>) {
  const d = await openDrop(client, m, over);
  const receipts = await Promise.all(customers.map((c) => enter(client, m, d.id, c)));
  const customerOf = new Map(receipts.map((r, i) => [r.entryId as string, customers[i]!]));
  const record = await drawNow(client, m, d.id);
  return { d, record, customerOf };
}

const me = async (client: TestClient, m: Merchant, dropId: string, customer: string) =>
  (await client.req('GET', `/v1/public/drops/${dropId}/entries/me`, { headers: await client.shopperHeaders(m, customer) })).body;

describe.concurrent('purchase', () => {
  it('lets a winner buy exactly once, even under 50 concurrent confirmations', async () => {
    const { client } = s;
    const m = await client.merchant();
    const { d, record, customerOf } = await drawn(client, m, ['ann', 'ben', 'cat'], { inventory: 1, purchaseWindowSeconds: 60 });
    const winner = customerOf.get(record.winners[0])!;
    const loser = [...customerOf.values()].find((c) => c !== winner)!;

    const start = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, winner) });
    expect(start.status).toBe(200);
    expect(start.body.entryId).toBe(record.winners[0]);
    const startAgain = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, winner) });
    expect(startAgain.body.purchaseToken).toBe(start.body.purchaseToken); // one token per slot while the window is open
    const notWinner = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, loser) });
    expect([notWinner.status, notWinner.body.code]).toEqual([403, 'not_a_winner']);

    // 18.16: the winner's token posted from another customer's session (or with no customer) buys nothing.
    for (const customerId of [loser, undefined]) {
      const stolen = await client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, orderId: 'order-thief', ...(customerId ? { customerId } : {}) } });
      expect([stolen.status, stolen.body.code]).toEqual([403, 'purchase_shopper_mismatch']);
    }

    const confirms = await Promise.all(Array.from({ length: 50 }, (_, i) => client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, {
      headers: sk(m), body: { purchaseToken: start.body.purchaseToken, orderId: `order-${i}`, customerId: winner },
    })));
    const ok = confirms.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of confirms.filter((x) => x.status !== 200)) expect([r.status, r.body.code]).toEqual([409, 'already_purchased']);
    // The winning order id may repeat its confirmation and get the same purchase back.
    const repeat = await client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, orderId: ok[0]!.body.orderId, customerId: winner } });
    expect(repeat.body).toEqual(ok[0]!.body);

    const after = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, winner) });
    expect([after.status, after.body.code]).toEqual([409, 'already_purchased']);
    await waitFor('completed', async () => (await publicDrop(client, m, d.id)).phase === 'completed');
    expect((await publicDrop(client, m, d.id)).counts.purchased).toBe(1);
    expect((await me(client, m, d.id, winner)).status).toBe('purchased');
    expect((await me(client, m, d.id, loser)).status).toBe('lost');
  }, 60_000);

  it('expires an unbought win, promotes the next backup and signs both webhooks', async () => {
    const { client } = s;
    const m = await client.merchant();
    const sink = await webhookSink();
    try {
      const hook = await client.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url: sink.url } });
      expect(hook.status).toBe(201);
      const { d, record, customerOf } = await drawn(client, m, ['dan', 'eve', 'fay', 'gus'], { inventory: 1, backupCount: 2, purchaseWindowSeconds: 5 });
      const [winner, first, second] = [record.winners[0], ...record.backups].map((e: string) => customerOf.get(e)!);
      expect(await me(client, m, d.id, first!)).toMatchObject({ status: 'backup', backupPosition: 1 });

      // Nobody buys: after the 5 s window the first backup holds the slot with a fresh window.
      await waitFor('promotion', async () => (await me(client, m, d.id, first!)).status === 'promoted', 20_000, 200);
      const promoted = await me(client, m, d.id, first!);
      expect(Date.parse(promoted.purchaseDeadline)).toBeGreaterThan(Date.now());
      expect(await me(client, m, d.id, winner!)).toMatchObject({ status: 'expired' });
      expect(await me(client, m, d.id, second!)).toMatchObject({ status: 'backup', backupPosition: 1 });
      const late = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, winner!) });
      expect([late.status, late.body.code]).toEqual([410, 'purchase_window_expired']);
      expect((await publicDrop(client, m, d.id)).draw.backupsPromoted).toBe(1);

      const byType = (type: string) => sink.got.find((x) => x.event.type === type);
      await waitFor('webhooks', async () => !!byType('winner.expired') && !!byType('backup.promoted'), 20_000);
      const expired = byType('winner.expired')!;
      const backup = byType('backup.promoted')!;
      // 18.15: slot webhooks name the merchant's customer.
      expect(expired.event).toMatchObject({ dropId: d.id, data: { entryId: record.winners[0], slot: 0, customerId: winner } });
      expect(backup.event).toMatchObject({ dropId: d.id, data: { entryId: record.backups[0], slot: 0, customerId: first } });
      expect(byType('entry.won')!.event.data).toMatchObject({ entryId: record.winners[0], customerId: winner });
      for (const x of sink.got) expect(signatureValid(x, m.webhookSecret), `signature of ${x.event.type}`).toBe(true);
      expect(sink.contractErrors).toEqual([]);
      const forged: Delivery = { ...expired, raw: expired.raw.replace(record.winners[0], record.backups[1]) };
      expect(signatureValid(forged, m.webhookSecret)).toBe(false);
      expect(sink.got.map((x) => x.event.type)).toEqual(expect.arrayContaining(['drop.opened', 'drop.closed', 'draw.completed', 'entry.won']));

      // The promoted backup buys the slot; the drop completes without waiting for the second backup.
      const start = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, first!) });
      expect(start.body.entryId).toBe(record.backups[0]);
      const bought = await client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, customerId: first! } });
      expect(bought.body).toMatchObject({ entryId: record.backups[0], slot: 0 });
      await waitFor('completed', async () => (await publicDrop(client, m, d.id)).phase === 'completed');
      expect(await me(client, m, d.id, second!)).toMatchObject({ status: 'lost' });
      await waitFor('purchase webhook', async () => !!byType('purchase.completed'), 20_000);
      expect(byType('purchase.completed')!.event.data).toMatchObject({ entryId: record.backups[0], customerId: first, orderId: null });
      expect(sink.contractErrors).toEqual([]);
    } finally {
      await sink.close();
    }
  }, 60_000);

  it('names an anonymous winner in webhooks only when the drop opted in (18.15)', async () => {
    const { client } = s;
    const m = await client.merchant();
    const sink = await webhookSink();
    try {
      await client.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url: sink.url, events: ['entry.won'] } });
      const anon = 'anon-0123456789abcdef';
      const headers = { 'fairdrop-key': m.publishableKey, 'fairdrop-anonymous-id': anon };
      const ids: Record<string, string> = {};
      for (const optIn of [false, true]) {
        const d = await openDrop(client, m, { inventory: 1, allowAnonymous: true, anonymousIdsInWebhooks: optIn });
        expect((await client.register(m, d.id, 'unused', {}, headers)).status).toBe(201);
        await drawNow(client, m, d.id);
        ids[String(optIn)] = d.id;
      }
      await waitFor('both entry.won webhooks', async () => sink.got.filter((x) => x.event.type === 'entry.won').length === 2, 20_000);
      const won = (dropId: string) => sink.got.find((x) => x.event.dropId === dropId)!.event.data;
      expect(won(ids.false!)).not.toHaveProperty('anonymousId');
      expect(won(ids.false!)).not.toHaveProperty('customerId');
      expect(won(ids.true!)).toMatchObject({ anonymousId: anon });
      expect(sink.contractErrors).toEqual([]);
    } finally {
      await sink.close();
    }
  }, 60_000);

  it('retries a webhook the endpoint refused, with the same event id', async () => {
    const { client } = s;
    const m = await client.merchant();
    const sink = await webhookSink(2); // the first two attempts of every event get a 500
    try {
      await client.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url: sink.url, events: ['drop.opened'] } });
      const d = await openDrop(client, m);
      await waitFor('a retried delivery', async () => sink.got.some((x) => x.event.type === 'drop.opened'), 20_000);
      const got = sink.got.filter((x) => x.event.type === 'drop.opened');
      expect(got).toHaveLength(1);
      expect(got[0]!.event).toMatchObject({ dropId: d.id });
      expect(sink.refused.get(got[0]!.event.id)).toBe(2);
      expect(signatureValid(got[0]!, m.webhookSecret)).toBe(true);
      expect(sink.got.every((x) => x.event.type === 'drop.opened')).toBe(true); // the endpoint's filter holds
    } finally {
      await sink.close();
    }
  }, 60_000);
});
