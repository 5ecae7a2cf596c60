/**
 * The rest of the notices, each through the real SMTP server: the reminder before the window ends
 * (and cancelled when they buy), promoted from the waitlist, drop cancelled, "registration opens
 * soon" for watchers, and an anonymous address confirmed by its link before anything else is sent.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { solvePowReference } from '@fairdrop/sdk/pow';
import { humanSignals } from '../client.js';
import { startStack, sk, openDrop, drawNow, waitFor, type Stack } from '../stack.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { useSmtp, enterWith, tokenWith, linkIn } from './helpers.js';

let s: Stack; let sink: SmtpSink;
beforeAll(async () => { [s, sink] = await Promise.all([startStack(), smtpSink()]); }, 90_000);
afterAll(async () => { await s?.dispose(); await sink?.close(); });

const notices = async (m: any, dropId: string, entryId: string) => (await s.client.req('GET', `/v1/drops/${dropId}/entries/${entryId}/notices`, { headers: sk(m) })).body.data as any[];
const subjects = (email: string) => sink.to(email).map((g) => g.mail.subject);

describe.concurrent('notices through a drop’s life', () => {
  it('reminds a winner before the window ends, and cancels the reminder of one who bought', async () => {
    const m = await s.client.merchant('Remind Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['won', 'reminder'], reminderMinutesBefore: 1 });
    const d = await openDrop(s.client, m, { name: 'Remind Drop', inventory: 2, purchaseWindowSeconds: 64 });
    const byEntry = new Map<string, string>();
    for (const c of ['rem-a', 'rem-b']) byEntry.set((await enterWith(s.client, m, d.id, c, { email: `${c}@example.com` })).body.entryId, c);
    await drawNow(s.client, m, d.id);
    await sink.waitFor(() => sink.to('rem-a@example.com').length === 1 && sink.to('rem-b@example.com').length === 1);
    const start = await s.client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': await tokenWith(m, 'rem-a', {}) } });
    expect(start.status).toBe(200);
    const buy = await s.client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, customerId: 'rem-a' } });
    expect(buy.status).toBe(200);
    await sink.waitFor(() => sink.to('rem-b@example.com').length === 2, 30_000);
    expect(subjects('rem-b@example.com')[1]).toMatch(/^Reminder: Remind Drop is held for you until /);
    const aEntry = [...byEntry].find(([, c]) => c === 'rem-a')![0];
    await waitFor('reminder cancelled', async () => (await notices(m, d.id, aEntry)).some((n) => n.notice === 'reminder' && n.status === 'suppressed' && n.reason === 'purchased'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.to('rem-a@example.com')).toHaveLength(1);
  }, 90_000);

  it('tells a backup who is promoted, with the new deadline', async () => {
    const m = await s.client.merchant('Promo Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['won', 'promoted'] });
    const d = await openDrop(s.client, m, { name: 'Promo Drop', inventory: 1, backupCount: 1, purchaseWindowSeconds: 5 });
    const byEntry = new Map<string, string>();
    for (const c of ['pro-a', 'pro-b']) byEntry.set((await enterWith(s.client, m, d.id, c, { email: `${c}@example.com`, locale: 'fr', zoneinfo: 'Europe/Paris' })).body.entryId, c);
    const record = await drawNow(s.client, m, d.id);
    const backup = byEntry.get(record.backups[0])!;
    await sink.waitFor(() => sink.to(`${backup}@example.com`).length === 1, 40_000);
    expect(subjects(`${backup}@example.com`)[0]).toMatch(/^Bonne nouvelle : c'est votre tour pour Promo Drop$/);
    expect(sink.to(`${backup}@example.com`)[0]!.mail.text).toMatch(/réservé jusqu'à .+ UTC\+1|réservé jusqu'à .+ CET/);
  }, 60_000);

  it('tells backups who were never promoted "not this time" once the drop completes', async () => {
    const m = await s.client.merchant('Backup Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['lost'] });
    const d = await openDrop(s.client, m, { name: 'Backup Drop', inventory: 1, backupCount: 2 });
    const byEntry = new Map<string, string>();
    for (const c of ['bak-a', 'bak-b', 'bak-c']) byEntry.set((await enterWith(s.client, m, d.id, c, { email: `${c}@example.com` })).body.entryId, c);
    const record = await drawNow(s.client, m, d.id);
    const winner = byEntry.get(record.winners[0])!;
    await new Promise((r) => setTimeout(r, 1500));
    expect(['bak-a', 'bak-b', 'bak-c'].flatMap((c) => sink.to(`${c}@example.com`))).toHaveLength(0); // backups wait; nobody else lost
    const start = await s.client.req('POST', `/v1/public/drops/${d.id}/purchase`, { headers: { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': await tokenWith(m, winner, {}) } });
    expect((await s.client.req('POST', `/v1/drops/${d.id}/purchases/confirm`, { headers: sk(m), body: { purchaseToken: start.body.purchaseToken, customerId: winner } })).status).toBe(200);
    const backups = record.backups.map((e: string) => byEntry.get(e)!);
    await sink.waitFor(() => backups.every((c: string) => sink.to(`${c}@example.com`).length === 1), 30_000);
    expect(backups.map((c: string) => subjects(`${c}@example.com`)[0])).toEqual(['Not this time: Backup Drop', 'Not this time: Backup Drop']);
    expect(sink.to(`${winner}@example.com`)).toHaveLength(0);
  }, 60_000);

  it('tells every entrant when a drop is cancelled', async () => {
    const m = await s.client.merchant('Cancel Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['cancelled'] });
    const d = await openDrop(s.client, m, { name: 'Cancel Drop' });
    for (const c of ['can-a', 'can-b']) expect((await enterWith(s.client, m, d.id, c, { email: `${c}@example.com`, locale: 'es' })).status).toBe(201);
    expect((await s.client.req('POST', `/v1/drops/${d.id}/cancel`, { headers: sk(m) })).status).toBe(200);
    await sink.waitFor(() => ['can-a', 'can-b'].every((c) => sink.to(`${c}@example.com`).length === 1), 30_000);
    expect(subjects('can-a@example.com')).toEqual(['Cancel Drop se ha cancelado']);
  }, 60_000);

  it('tells watchers that registration opens soon, once each', async () => {
    const m = await s.client.merchant('Watch Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['opening_soon'] });
    const d = await s.client.drop(m, { name: 'Watch Drop' }, 15 * 60_000 + 4000, 20 * 60_000);
    const headers = { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': await tokenWith(m, 'wat-a', { email: 'wat-a@example.com', locale: 'ja', zoneinfo: 'Asia/Tokyo' }) };
    for (let i = 0; i < 2; i++) {
      const r = await s.client.req('POST', `/v1/public/drops/${d.id}/watch`, { headers, body: {} });
      expect([r.status, r.body]).toEqual([202, { dropId: d.id, watching: true, confirmationRequired: false }]);
    }
    await sink.waitFor(() => sink.to('wat-a@example.com').length === 1, 30_000);
    expect(subjects('wat-a@example.com')).toEqual(['Watch Drop の登録がまもなく始まります']);
    await waitFor('job done', async () => (await s.client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) })).body.data[0]?.status === 'done');
    expect(sink.to('wat-a@example.com')).toHaveLength(1);
  }, 60_000);

  it('confirms an anonymous address by its link before sending anything else', async () => {
    const m = await s.client.merchant('Anon Shop');
    await useSmtp(s.client, m, sink.port);
    const d = await openDrop(s.client, m, { name: 'Anon Drop', allowAnonymous: true, inventory: 1 });
    const headers = { 'fairdrop-key': m.publishableKey, 'fairdrop-anonymous-id': 'anon_0123456789abcdef' };
    const ch = await s.client.req('POST', `/v1/public/drops/${d.id}/challenge`, { headers });
    const r = await s.client.req('POST', `/v1/public/drops/${d.id}/entries`, { headers, body: { tickets: 1, pow: { challenge: ch.body.challenge, nonce: solvePowReference(ch.body.prefix, ch.body.difficulty)! }, ...humanSignals, notify: { email: 'anon@example.com', locale: 'de' } } });
    expect(r.status).toBe(201);
    await sink.waitFor(() => sink.to('anon@example.com').length === 1);
    expect(subjects('anon@example.com')).toEqual(['Bestätige deine Adresse für Sneaker Shop']);
    await waitFor('entered suppressed', async () => (await notices(m, d.id, r.body.entryId))[0]?.reason === 'unconfirmed');
    const confirm = await fetch(linkIn(sink.to('anon@example.com')[0]!.mail.text!, '/v1/public/email/confirm?t='));
    expect([confirm.status, await confirm.text()]).toEqual([200, expect.stringContaining('anon@example.com')]);
    expect((await enterWith(s.client, m, d.id, 'other', {})).status).toBe(201);
    await drawNow(s.client, m, d.id);
    await sink.waitFor(() => sink.to('anon@example.com').length === 2, 40_000);
    expect(subjects('anon@example.com')[1]).toMatch(/^(Gewonnen: Anon Drop|Diesmal nicht: Anon Drop)/);
  }, 90_000);
});
