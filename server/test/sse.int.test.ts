/**
 * Live updates through the SSE role of a real process: every phase change arrives with an `id:`,
 * a reconnect with Last-Event-ID gets only newer state, and a shopper's own stream carries their
 * `entry` (won, then purchased). Every event's data is checked against the contract.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, pk, sk, enter, drawNow, waitPhase, openStream, type Stack, type Stream } from './stack.js';
import type { SseEvent } from './sse/helpers.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

const ID = /^\d+\.\d+$/;

/** Drop events until `phase` arrives (inclusive). */
async function until(stream: Stream, phase: string, timeoutMs = 20_000): Promise<SseEvent[]> {
  const seen: SseEvent[] = [];
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ev = await stream.next('drop', Math.max(1, end - Date.now()));
    seen.push(ev);
    if (ev.json?.drop?.phase === phase) return seen;
  }
}

describe.concurrent('SSE drop stream', () => {
  it('sends each phase change with an id, and resumes with Last-Event-ID from newer state only', async () => {
    const { client, fd } = s;
    const m = await client.merchant();
    const d = await client.drop(m, { inventory: 1, purchaseWindowSeconds: 30 }, 1500, 4500);
    const url = `${fd.sseUrl}/v1/public/drops/${d.id}/events?key=${m.publishableKey}`;
    const a = await openStream(url);
    const mine = await openStream(`${url}&shopper=${await client.shopperToken(m, 'alice')}`);
    try {
      const first = await a.next('drop');
      expect(first.json?.drop?.phase).toBe('scheduled');
      const events = [first, ...await until(a, 'registration')];
      await enter(client, m, d.id, 'alice');
      events.push(...await until(a, 'purchase'));

      for (const ev of events) expect(ev.id).toMatch(ID);
      const phases = events.map((e) => e.json!.drop!.phase).filter((p, i, all) => p !== all[i - 1]);
      expect(phases).toEqual(['scheduled', 'registration', 'closed', 'purchase']);
      const versions = events.map((e) => e.json!.drop!.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      for (const ev of events) expect(Date.parse(ev.json!.serverTime)).toBeGreaterThan(0);

      // The shopper's own stream: their entry, won, with an id.
      const won = await mine.next('entry');
      expect(won.id).toMatch(ID);
      expect(won.json?.entry).toMatchObject({ status: 'won' });
      const lastId = events.at(-1)!.id!;
      await a.close();

      // While nobody listens, the winner buys and the drop completes.
      const start = await client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: await client.shopperHeaders(m, 'alice') });
      await client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, customerId: 'alice' } });
      expect((await mine.next('entry')).json?.entry?.status).toBe('purchased');

      const resumed = await openStream(url, { 'last-event-id': lastId });
      try {
        const next = await resumed.next('drop');
        expect(next.json!.drop!.version).toBeGreaterThan(Number(lastId.split('.')[0]));
        const latest = next.json!.drop!.phase === 'completed' ? next : (await until(resumed, 'completed')).at(-1)!;
        await resumed.close();
        // Resuming from the newest id sends nothing old (query-parameter form of Last-Event-ID).
        const caughtUp = await openStream(`${url}&lastEventId=${latest.id}`);
        const more = await caughtUp.reader.collect(1000);
        await caughtUp.close();
        expect(more.filter((e) => e.event === 'drop')).toEqual([]);
      } finally {
        await resumed.close();
      }
    } finally {
      await a.close();
      await mine.close();
    }
  }, 60_000);

  it('tells a backup live, on its anonymous stream, that it was promoted', async () => {
    const { client, fd } = s;
    const m = await client.merchant();
    const d = await client.drop(m, { inventory: 1, backupCount: 1, purchaseWindowSeconds: 5, allowAnonymous: true }, 0, 60_000);
    await waitPhase(client, m, d.id, 'registration');
    const anon = ['anon_aaaaaaaaaaaaaaaa', 'anon_bbbbbbbbbbbbbbbb'];
    const receipts = await Promise.all(anon.map(async (a) => (await client.register(m, d.id, a, {}, { ...pk(m), 'fairdrop-anonymous-id': a })).body));
    const url = `${fd.sseUrl}/v1/public/drops/${d.id}/events?key=${m.publishableKey}`;
    const streams = await Promise.all(anon.map((a) => openStream(`${url}&anonymousId=${a}`)));
    try {
      for (const [i, st] of streams.entries()) expect((await st.next('entry')).json?.entry).toEqual({ entryId: receipts[i].entryId, status: 'registered' });
      const record = await drawNow(client, m, d.id);
      const backup = streams[receipts.findIndex((r) => r.entryId === record.backups[0])]!;
      // Right after the draw the backup's stream gives its place on the waitlist, read from the record.
      expect((await backup.next('entry', 10_000)).json?.entry).toEqual({ entryId: record.backups[0], status: 'backup', backupPosition: 1 });
      // The winner does not buy; 5 s later the backup's own stream says "promoted", with a deadline.
      const promoted = await backup.next('entry', 20_000);
      expect(promoted.json?.entry).toMatchObject({ entryId: record.backups[0], status: 'promoted' });
      expect(Date.parse(promoted.json!.entry!.purchaseDeadline!)).toBeGreaterThan(Date.now());
      expect(promoted.id).toMatch(/^\d+\.[1-9]\d*$/);
    } finally {
      await Promise.all(streams.map((st) => st.close()));
    }
  }, 60_000);

  it('refuses bad keys and other merchants’ drops with problem documents', async () => {
    const { client, fd } = s;
    const [m, other] = await Promise.all([client.merchant(), client.merchant()]);
    const d = await client.drop(m, {}, 60_000, 120_000);
    const refused = async (url: string) => openStream(url).then(() => 200, (e: { status?: number }) => e.status);
    expect(await refused(`${fd.sseUrl}/v1/public/drops/${d.id}/events?key=pk_nobody_0123456789abc`)).toBe(401);
    expect(await refused(`${fd.sseUrl}/v1/public/drops/${d.id}/events?key=${other.publishableKey}`)).toBe(404);
    expect(await refused(`${fd.sseUrl}/v1/public/drops/${d.id}/events?key=${m.publishableKey}&shopper=not-a-jwt`)).toBe(401);
    // Same code, same problem type URI, whichever role answers.
    const viaSse = await (await fetch(`${fd.sseUrl}/v1/public/drops/bad%20id/events?key=${m.publishableKey}`)).json();
    const viaApi = await client.req('POST', '/v1/drops', { headers: sk(m), body: {} });
    expect([viaSse.code, viaApi.body.code]).toEqual(['validation_failed', 'validation_failed']);
    expect(viaSse.type).toBe(viaApi.body.type);
    // An unknown path on the SSE role is a problem document too.
    const unknown = await fetch(`${fd.sseUrl}/v1/public/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await unknown.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect((await fetch(`${fd.sseUrl}/health`)).status).toBe(200);
    const active = await openStream(`${fd.sseUrl}/v1/public/events?key=${m.publishableKey}`);
    try {
      expect((await active.next('drop')).json?.drop?.id).toBe(d.id);
    } finally {
      await active.close();
    }
  });
});
