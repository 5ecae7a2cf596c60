/**
 * A drop's life by its durable timers: scheduled → registration → (closed) → purchase → completed,
 * idempotent registration, refusals outside the window, and a draw that happens exactly once
 * with a record and proofs an auditor can verify.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { verifyDrawSync, verifyInclusion } from '@fairdrop/sdk/draw';
import { startStack, sk, enter, drawNow, publicDrop, waitPhase, waitFor, type Stack } from './stack.js';
import { sleep } from './client.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

const ORDER = ['scheduled', 'registration', 'closed', 'purchase', 'completed'];

describe.concurrent('drop lifecycle', () => {
  it('moves through every phase by its timers alone', async () => {
    const { client } = s;
    const m = await client.merchant();
    // Windows wide enough for a loaded machine: the early registration must land before the opening.
    const d = await client.drop(m, { inventory: 1, purchaseWindowSeconds: 5 }, 3000, 7000);
    const phases: string[] = [];
    const watch = async (want: string, timeoutMs = 20_000) => waitFor(`phase ${want}`, async () => {
      const p = (await publicDrop(client, m, d.id)).phase;
      if (phases.at(-1) !== p) phases.push(p);
      return p === want;
    }, timeoutMs, 50);

    expect((await publicDrop(client, m, d.id)).phase).toBe('scheduled');
    const early = await client.register(m, d.id, 'early');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('registration_not_open');

    await watch('registration');
    const first = await client.register(m, d.id, 'alice');
    const again = await client.register(m, d.id, 'alice');
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.entryId).toBe(first.body.entryId);
    expect(again.body.registeredAt).toBe(first.body.registeredAt);

    await watch('purchase');
    const late = await client.register(m, d.id, 'bob');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('registration_closed');
    // The lone entry won; nobody buys, the window's timer expires the slot, and the drop completes.
    await watch('completed', 20_000);
    const done = await publicDrop(client, m, d.id);
    const seen = phases.map((p) => ORDER.indexOf(p));
    expect(seen, phases.join(' → ')).toEqual([...seen].sort((a, b) => a - b)); // forward only
    expect(seen).not.toContain(-1);
    expect(phases).toEqual(expect.arrayContaining(['scheduled', 'registration', 'purchase', 'completed']));
    expect(done.draw).toMatchObject({ entryCount: 1, winners: 1 });
    const mine = await client.req('GET', `/v1/public/drops/${d.id}/entries/me`, { headers: await client.shopperHeaders(m, 'alice') });
    expect(mine.body.status).toBe('expired');
  }, 60_000);

  it('draws exactly once when the merchant and the timer race, with a verifiable record', async () => {
    const { client } = s;
    const m = await client.merchant();
    const closeInMs = 7000; // six registrations (PoW included) must land before the close on a loaded machine
    const d = await client.drop(m, { inventory: 2, backupCount: 2, maxTickets: 3 }, 0, closeInMs);
    const closesAt = Date.parse(d.closesAt);
    await waitPhase(client, m, d.id, 'registration');
    const receipts = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((c, i) => enter(client, m, d.id, c, { tickets: 1 + (i % 3) })));
    // Live counts lag by about a second at most (shards report in batches).
    await waitFor('counts', async () => (await publicDrop(client, m, d.id)).counts.entries === 6, 3000);
    expect((await publicDrop(client, m, d.id)).counts.tickets).toBe(12);

    // Six merchant calls land around the moment the close timer fires.
    await sleep(Math.max(0, closesAt - 60 - Date.now()));
    const draws = await Promise.all(Array.from({ length: 6 }, () => client.req('POST', `/v1/drops/${d.id}/draw`, { headers: sk(m) })));
    for (const r of draws) expect(r.status).toBe(200);
    for (const r of draws) expect(r.body).toEqual(draws[0]!.body);
    const record = draws[0]!.body;
    expect(record).toMatchObject({ spec: 'fairdrop-draw-v1', dropId: d.id, entryCount: 6, commitment: d.commitment });
    expect(record.winners).toHaveLength(2);
    expect(record.backups).toHaveLength(2);

    await sleep(Math.max(0, closesAt + 1000 - Date.now())); // let the timer fire too: it must be a no-op
    expect((await client.req('GET', `/v1/public/drops/${d.id}/record`)).body).toEqual(record);
    expect((await publicDrop(client, m, d.id)).draw.root).toBe(record.root);

    const snap = await client.req('GET', `/v1/public/drops/${d.id}/snapshot`);
    const entries = String(snap.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => e.entryId).sort()).toEqual(receipts.map((r) => r.entryId).sort());
    const verdict = verifyDrawSync(record, entries);
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true });
    const tampered = entries.map((e, i) => (i === 0 ? { ...e, weight: e.weight + 1 } : e));
    expect(verifyDrawSync(record, tampered).ok).toBe(false);

    for (const r of receipts) {
      const proof = await client.req('GET', `/v1/public/drops/${d.id}/proof/${r.entryId}`);
      expect(proof.body).toMatchObject({ entryId: r.entryId, weight: r.weight, root: record.root });
      expect(verifyInclusion(proof.body, record.root, record.entryCount)).toBe(true);
    }
    const unknown = await client.req('GET', `/v1/public/drops/${d.id}/proof/zzNotAnEntry`);
    expect(unknown.status).toBe(404);
  }, 60_000);

  it('keeps every registration acknowledged while the close timer fires, and refuses the rest clearly', async () => {
    const { client } = s;
    const m = await client.merchant();
    const d = await client.drop(m, { inventory: 1 }, 0, 3000);
    const closesAt = Date.parse(d.closesAt);
    await waitPhase(client, m, d.id, 'registration');
    // Registrations every 20 ms from 400 ms before the close to 400 ms after it.
    await sleep(Math.max(0, closesAt - 400 - Date.now()));
    const results = await Promise.all(Array.from({ length: 40 }, async (_, i) => { await sleep(i * 20); return client.register(m, d.id, `racer${i}`); }));
    const acked = results.filter((r) => r.status === 201).map((r) => r.body.entryId);
    for (const r of results.filter((x) => x.status !== 201)) expect([r.status, r.body.code]).toEqual([409, 'registration_closed']);
    await waitFor('draw', async () => (await client.req('GET', `/v1/public/drops/${d.id}/record`)).status === 200, 20_000);
    const snap = await client.req('GET', `/v1/public/drops/${d.id}/snapshot`);
    const drawnIds = snap.body ? String(snap.body).trim().split('\n').map((l) => JSON.parse(l).entryId) : [];
    expect(drawnIds.sort()).toEqual(acked.sort());
    console.log(`close race: ${acked.length} of 40 acknowledged, all of them drawn`);
  }, 60_000);

  it('registers a shopper once when the same registration arrives many times at once', async () => {
    const { client } = s;
    const m = await client.merchant();
    const d = await client.drop(m, {}, 0, 60_000);
    await waitPhase(client, m, d.id, 'registration');
    const results = await Promise.all(Array.from({ length: 10 }, () => client.register(m, d.id, 'eager')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    expect(new Set(results.map((r) => r.body.entryId)).size).toBe(1);
    const record = await drawNow(client, m, d.id);
    expect(record.entryCount).toBe(1);
  });

  it('creates a drop once per Idempotency-Key', async () => {
    const { client } = s;
    const m = await client.merchant();
    const body = { name: 'Once', inventory: 1, opensAt: new Date(Date.now() + 60_000).toISOString(), closesAt: new Date(Date.now() + 120_000).toISOString() };
    const headers = { ...sk(m), 'idempotency-key': 'create-once' };
    const [a, b] = await Promise.all([client.req('POST', '/v1/drops', { headers, body }), client.req('POST', '/v1/drops', { headers, body })]);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.commitment).toBe(a.body.commitment);
    expect((await client.req('GET', '/v1/drops', { headers: sk(m) })).body.data).toHaveLength(1);
  });
});
