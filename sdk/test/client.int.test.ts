/**
 * The SDK against the real service: every operation of openapi.yaml is called through it,
 * typed errors, idempotent creation, live updates with resume, signed webhooks.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, verifyDraw, verifyInclusion, type PublicDrop, type EntryState } from '@fairdrop/sdk';
import { createServerClient, mintShopperToken, unwrap, verifyWebhook, type MerchantCredentials, type ServerClient } from '@fairdrop/sdk/server';
import { startService, webhookSink, dropBody, waitFor, humanSignals, type Service } from './service.js';
import { SECRET } from '../../server/test/harness.js';
import { confirmToken, recipientKey, unsubscribeToken } from '../../server/src/core/notices/links.js';

const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { operationId: string }>>; webhooks: Record<string, Record<string, { operationId: string }>> };
const specOps = [...Object.values(spec.paths), ...Object.values(spec.webhooks)].flatMap((p) => Object.values(p).map((o) => o.operationId)).sort();

let svc: Service;
let m: MerchantCredentials;
let fairdrop: ServerClient;
const covered = new Set<string>();
const cover = <T>(op: string, v: T) => (covered.add(op), v);

beforeAll(async () => {
  svc = await startService();
  m = cover('createMerchant', await svc.merchant());
  fairdrop = createServerClient({ secretKey: m.secretKey, baseUrl: svc.apiUrl });
}, 60_000);
afterAll(async () => { await svc?.dispose(); });

const shopper = async (customerId: string) => createPublicClient({
  publishableKey: m.publishableKey, baseUrl: svc.apiUrl, sseUrl: svc.sseUrl,
  shopperToken: await mintShopperToken({ secret: m.shopperTokenSecret, customerId, expiresInSeconds: 600 }),
});

describe('the SDK against the real service', () => {
  it('reaches every operation in openapi.yaml with typed results', async () => {
    const sink = await webhookSink();
    try {
      expect(cover('health', unwrap(await fairdrop.health())).status).toBe('ok');
      // The hosted widget, through the raw typed client (it is a script, not JSON).
      const alias = await fairdrop.http.GET('/v1/widget/{file}', { params: { path: { file: 'fair-drop.js' } }, parseAs: 'text' });
      expect(cover('getCurrentWidgetFile', alias.data)).toContain('fair-drop');
      const version = alias.response.headers.get('fairdrop-widget-version')!;
      const worker = await fairdrop.http.GET('/v1/widget/{version}/{file}', { params: { path: { version, file: 'fair-drop.worker.js' } }, parseAs: 'text' });
      expect(cover('getWidgetFile', worker.response.status)).toBe(200);
      expect(cover('getMerchant', unwrap(await fairdrop.merchant.get())).id).toBe(m.merchant.id);
      expect(cover('updateMerchant', unwrap(await fairdrop.merchant.update({ name: 'Renamed shop' }))).name).toBe('Renamed shop');
      const hook = cover('createWebhookEndpoint', unwrap(await fairdrop.webhookEndpoints.create({ url: sink.url })));
      expect(cover('listWebhookEndpoints', unwrap(await fairdrop.webhookEndpoints.list())).data.map((h) => h.id)).toContain(hook.id);
      expect(cover('setShopperLoyalty', unwrap(await fairdrop.loyalty.set('alice', 'gold'))).tier).toBe('gold');
      expect(cover('getShopperLoyalty', unwrap(await fairdrop.loyalty.get('alice')))).toMatchObject({ shopperId: 'alice', tier: 'gold' });

      const drop = cover('createDrop', unwrap(await fairdrop.drops.create(dropBody({ loyaltyMultipliers: { gold: 3 } }))));
      expect(cover('getDrop', unwrap(await fairdrop.drops.get(drop.id))).merchantId).toBe(m.merchant.id);
      expect(cover('listDrops', unwrap(await fairdrop.drops.list())).data.map((d) => d.id)).toContain(drop.id);

      const alice = await shopper('alice');
      const bob = await shopper('bob');
      expect(cover('getServerTime', unwrap(await alice.time())).epochMs).toBeGreaterThan(0);
      await waitFor('registration', async () => unwrap(await alice.drop(drop.id)).phase === 'registration');
      covered.add('getPublicDrop');
      expect(cover('listActiveDrops', unwrap(await alice.activeDrops())).data.map((d) => d.id)).toContain(drop.id);

      const ch = cover('createChallenge', unwrap(await bob.challenge(drop.id)));
      expect(ch.algorithm).toBe('sha256-prefix64-u64be');
      const receipt = cover('register', unwrap(await alice.enter(drop.id, { tickets: 1, ...humanSignals })));
      expect(receipt.multipliers.loyalty).toBe(3);
      unwrap(await bob.enter(drop.id, { tickets: 1, ...humanSignals }));
      // Live: drop and entry events through subscribe (fetch transport in Node); the entry is
      // watched when the shopper has one at connect time.
      const drops: PublicDrop[] = [];
      const entries: EntryState[] = [];
      const stop = alice.subscribe(drop.id, { drop: (d) => drops.push(d), entry: (e) => entries.push(e) });
      const active: PublicDrop[] = [];
      const stopActive = alice.subscribeActiveDrops({ drop: (d) => active.push(d) });

      expect(cover('getMyEntry', unwrap(await alice.myEntry(drop.id))).registered).toBe(true);
      const listed = [];
      for await (const e of fairdrop.entries.iterate(drop.id)) listed.push(e);
      covered.add('listEntries');
      expect(listed.map((e) => e.shopperId).sort()).toEqual(['alice', 'bob']);

      await waitFor(`drop and entry events`, async () => drops.length > 0 && entries.length > 0 && active.length > 0, 10_000).catch((e) => { throw new Error(`${e.message}: ${drops.length} ${entries.length} ${active.length}`); });
      covered.add('streamDropEvents').add('streamActiveDrops');
      expect(entries[0]!.entryId).toBe(receipt.entryId);

      const drawn = cover('drawNow', unwrap(await fairdrop.drops.drawNow(drop.id)));
      if (!('winners' in drawn)) throw new Error('a drop without a beacon is drawn at once');
      const record = drawn;
      expect([...record.winners].sort()).toEqual(listed.map((e) => e.entryId).sort());
      expect(cover('getDrawRecord', unwrap(await alice.record(drop.id)))).toEqual(record);
      expect((await verifyDraw(record, cover('getEntrySnapshot', alice.snapshot(drop.id)))).ok).toBe(true);
      // The verify page is HTML for browsers, not an SDK call: reached with fetch.
      const page = await fetch(`${svc.apiUrl}/verify/${drop.id}`);
      expect(cover('verifyPage', page.status)).toBe(200);
      const asset = /\.\/assets\/([\w.-]+\.js)/.exec(await page.text())?.[1];
      expect(cover('verifyPageAsset', (await fetch(`${svc.apiUrl}/verify/assets/${asset}`)).status)).toBe(200);
      const proof = cover('getInclusionProof', unwrap(await alice.proof(drop.id, receipt.entryId)));
      expect(verifyInclusion(proof, record.root, record.entryCount)).toBe(true);

      await waitFor('won', async () => entries.some((e) => e.status === 'won'), 10_000);
      stop(); stopActive();
      const start = cover('startPurchase', unwrap(await alice.startPurchase(drop.id)));
      const purchase = cover('confirmPurchase', unwrap(await fairdrop.purchases.confirm(drop.id, { purchaseToken: start.purchaseToken, orderId: 'order-1', customerId: 'alice' })));
      expect(purchase).toMatchObject({ entryId: receipt.entryId, orderId: 'order-1' });

      // Webhooks arrive signed; the SDK verifies them.
      await waitFor('purchase.completed webhook', async () => sink.got.some((h) => h.raw.includes('purchase.completed')), 15_000);
      for (const h of sink.got) {
        const v = cover('receiveWebhook', verifyWebhook(h.raw, h.signature, m.webhookSecret));
        expect(v.ok, JSON.stringify(v)).toBe(true);
        if (v.ok) expect(v.event.dropId).toBe(drop.id);
      }
      // Shopper email: settings, a watcher, notice status, and the links in the emails.
      const email = cover('putEmailSettings', unwrap(await fairdrop.email.set({ from: { address: 'drops@shop.example' }, smtp: { host: '127.0.0.1', port: 2525, security: 'none', password: 'pw' } })));
      expect(email.smtp.hasPassword).toBe(true);
      expect(cover('getEmailSettings', unwrap(await fairdrop.email.get())).from.address).toBe('drops@shop.example');
      const later = unwrap(await fairdrop.drops.create(dropBody({ opensAt: new Date(Date.now() + 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7_200_000).toISOString() })));
      expect(cover('watchDrop', unwrap(await (await shopper('carol')).watch(later.id, { email: 'carol@example.com' }))).watching).toBe(true);
      expect(cover('getDropNotices', unwrap(await fairdrop.notices.drop(later.id))).ratePerSecond).toBe(50);
      expect(cover('getEntryNotices', unwrap(await fairdrop.notices.entry(drop.id, receipt.entryId))).entryId).toBe(receipt.entryId);
      const rkey = recipientKey(SECRET, m.merchant.id, 'carol@example.com');
      expect(cover('confirmEmail', unwrap(await alice.emailLinks.confirm(confirmToken(SECRET, m.merchant.id, rkey, 'carol@example.com', Date.now()))))).toContain('confirmed');
      const ut = unsubscribeToken(SECRET, m.merchant.id, rkey, Date.now());
      expect(cover('unsubscribePage', unwrap(await alice.emailLinks.unsubscribePage(ut)))).toContain('<form');
      expect(cover('unsubscribe', unwrap(await alice.emailLinks.unsubscribe(ut)))).toContain('Unsubscribed');
      expect((await alice.emailLinks.unsubscribe('forged')).error?.code).toBe('email_token_invalid');
      expect(cover('deleteEmailSettings', await fairdrop.email.remove()).response?.status).toBe(204);

      const other = unwrap(await fairdrop.drops.create(dropBody()));
      expect(cover('cancelDrop', unwrap(await fairdrop.drops.cancel(other.id))).phase).toBe('cancelled');
      expect(cover('deleteWebhookEndpoint', await fairdrop.webhookEndpoints.delete(hook.id)).response?.status).toBe(204);
    } finally {
      await sink.close();
    }
    expect([...covered].sort()).toEqual(specOps);
  });

  it('returns problems as FairdropApiError with the stable code, status and detail', async () => {
    const r = await fairdrop.drops.get('drp_does_not_exist');
    expect(r.data).toBeUndefined();
    expect(r.error).toMatchObject({ name: 'FairdropApiError', code: 'drop_not_found', status: 404 });
    expect(r.error?.detail).toBeTruthy();
    expect(r.error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.error?.requestId).toBe(r.response?.headers.get('x-request-id'));
    const bad = createServerClient({ secretKey: 'sk_nope_0123456789abcdef', baseUrl: svc.apiUrl });
    expect((await bad.merchant.get()).error).toMatchObject({ code: 'unauthorized', status: 401 });
    const invalid = await fairdrop.drops.create({ ...dropBody(), inventory: 0 });
    expect(invalid.error).toMatchObject({ code: 'validation_failed', status: 400 });
    // 18.18: the field errors are on the error itself, and in its message — not only in error.problem.
    expect(invalid.error!.errors).toEqual([expect.objectContaining({ path: 'inventory' })]);
    expect(invalid.error!.message).toMatch(/inventory: /);
    expect(invalid.error!.message).not.toMatch(/see `errors`/);
    expect(() => unwrap(invalid)).toThrow(invalid.error!);
    const down = createServerClient({ secretKey: m.secretKey, baseUrl: 'http://127.0.0.1:9', retry: { retries: 0 } });
    expect((await down.drops.list()).error).toMatchObject({ code: 'network', status: 0 });
  });

  it('creates a drop once per Idempotency-Key', async () => {
    const body = dropBody();
    const a = unwrap(await fairdrop.drops.create(body, { idempotencyKey: 'same-key-1' }));
    const b = unwrap(await fairdrop.drops.create(body, { idempotencyKey: 'same-key-1' }));
    const c = unwrap(await fairdrop.drops.create(body));
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  it('resumes a drop stream with Last-Event-ID, receiving only newer state', async () => {
    const drop = unwrap(await fairdrop.drops.create(dropBody()));
    const carol = await shopper('carol');
    await waitFor('registration', async () => unwrap(await carol.drop(drop.id)).phase === 'registration');
    const first: Array<{ v: number; id: string | undefined }> = [];
    const stop1 = carol.subscribe(drop.id, { drop: (d, meta) => first.push({ v: d.version, id: meta.id }) });
    await waitFor('first event', async () => first.length > 0, 10_000);
    stop1();
    const seen = first.at(-1)!;
    const resumed: number[] = [];
    const stop2 = carol.subscribe(drop.id, { drop: (d) => resumed.push(d.version) }, { lastEventId: seen.id });
    try {
      await new Promise((r) => setTimeout(r, 600));
      expect(resumed).toEqual([]); // nothing new yet: the stream does not repeat what we hold
      unwrap(await fairdrop.drops.cancel(drop.id));
      await waitFor('newer drop event', async () => resumed.length > 0, 10_000);
      expect(resumed.every((v) => v > seen.v)).toBe(true);
    } finally {
      stop2();
    }
  });

  it('reports a refused stream as a fatal typed error', async () => {
    const anon = createPublicClient({ publishableKey: 'pk_nope_0123456789abcdef', baseUrl: svc.apiUrl, sseUrl: svc.sseUrl });
    const errors: Array<{ code: string; fatal: boolean }> = [];
    const stop = anon.subscribe('drp_x', { error: (e, { fatal }) => errors.push({ code: e.code, fatal }) });
    await waitFor('error', async () => errors.length > 0, 10_000);
    stop();
    expect(errors[0]).toEqual({ code: 'unauthorized', fatal: true });
  });
});
