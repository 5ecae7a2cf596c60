/**
 * Webhooks any language can verify: every real delivery passes the `standardwebhooks` npm
 * package's verifier (written by nobody here), the SDK's verifier (both schemes) and the
 * deprecated Fairdrop-Signature check; `entry.created` and `entry.lost` are delivered.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { verifyWebhook } from '@fairdrop/sdk/webhooks';
import { startStack, sk, openDrop, drawNow, enter, webhookSink, signatureValid, waitFor, type Stack } from '../stack.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

describe('webhooks', () => {
  it('signs every delivery with Standard Webhooks, and sends entry.created and entry.lost', async () => {
    const sink = await webhookSink();
    try {
      const m = await s.client.merchant('Hook Shop');
      const ep = await s.client.req('POST', '/v1/webhook-endpoints', { headers: sk(m), body: { url: sink.url } });
      expect(ep.status).toBe(201);
      const d = await openDrop(s.client, m, { inventory: 1, maxTickets: 3, ticketPrice: { amount: 100, currency: 'EUR' } });
      const receipts = await Promise.all(['ada', 'bo', 'cy'].map((c) => enter(s.client, m, d.id, c)));
      await waitFor('entry.created ×3', async () => sink.got.filter((g) => g.event.type === 'entry.created').length === 3, 20_000);
      const record = await drawNow(s.client, m, d.id);
      await waitFor('entry.lost ×2', async () => sink.got.filter((g) => g.event.type === 'entry.lost').length === 2, 30_000);
      await waitFor('entry.won', async () => sink.got.some((g) => g.event.type === 'entry.won'), 20_000);

      const wh = new Webhook(m.webhookSecret);
      for (const g of sink.got) {
        const headers = { 'webhook-id': String(g.headers['webhook-id']), 'webhook-timestamp': String(g.headers['webhook-timestamp']), 'webhook-signature': String(g.headers['webhook-signature']) };
        expect(g.headers['webhook-id']).toBe(g.event.id);
        expect(wh.verify(g.raw, headers)).toEqual(g.event);
        expect(verifyWebhook(g.raw, g.headers as Record<string, string>, m.webhookSecret).ok).toBe(true);
        expect(signatureValid(g, m.webhookSecret)).toBe(true);
        // A tampered body fails the independent verifier.
        expect(() => wh.verify(g.raw.replace(g.event.dropId, 'drpTampered0000'), headers)).toThrow();
      }
      expect(sink.contractErrors).toEqual([]);
      const created = sink.got.filter((g) => g.event.type === 'entry.created').map((g) => g.event);
      expect(created.map((e) => e.data.entryId).sort()).toEqual(receipts.map((r) => r.entryId).sort());
      expect(created.map((e) => e.data.customerId).sort()).toEqual(['ada', 'bo', 'cy']);
      const lost = sink.got.filter((g) => g.event.type === 'entry.lost').map((g) => g.event);
      expect(lost.map((e) => e.data.entryId).sort()).toEqual(receipts.map((r) => r.entryId).filter((e) => !record.winners.includes(e)).sort());
      expect(lost.every((e) => e.data.rolloverCreditsEarned === 0 && e.id === `${d.id}.entry.lost.${e.data.entryId}`)).toBe(true);
      const jobs = await s.client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) });
      expect(jobs.body.data).toEqual([expect.objectContaining({ kind: 'lost', status: 'done', processed: 3, dispatched: 2 })]);
    } finally {
      await sink.close();
    }
  }, 90_000);
});
