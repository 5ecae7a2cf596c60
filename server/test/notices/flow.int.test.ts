/**
 * Shopper email end to end, through a real SMTP server: entered (in each shopper's language),
 * won (checkout link, deadline in their time zone) before any "not this time", List-Unsubscribe on
 * every message, and the unsubscribe link really unsubscribing (later notices are suppressed).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, sk, openDrop, drawNow, waitFor, type Stack } from '../stack.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { useSmtp, enterWith, linkIn, tokenWith, rawHeaders } from './helpers.js';

let s: Stack;
let smtp: SmtpSink;
beforeAll(async () => { [s, smtp] = await Promise.all([startStack(), smtpSink()]); }, 90_000);
afterAll(async () => { await s?.dispose(); await smtp?.close(); });

const shoppers = [
  { id: 'ana', email: 'ana@example.com', locale: 'de-DE', zoneinfo: 'Europe/Berlin', entered: /^Du bist dabei: /, lost: /^Diesmal nicht: / },
  { id: 'kenji', email: 'kenji@example.jp', locale: 'ja', zoneinfo: 'Asia/Tokyo', entered: /に登録しました$/, lost: /^今回は落選となりました：/ },
  { id: 'lee', email: 'lee@example.org', locale: 'en-GB', zoneinfo: 'America/New_York', entered: /^You're in: /, lost: /^Not this time: / },
];

describe('shopper email', () => {
  it('tells each shopper in their language: entered, then the winner first, then not this time', async () => {
    const { client } = s;
    const m = await client.merchant('Sneaker Shop');
    const settings = await useSmtp(client, m, smtp.port);
    expect(settings.smtp).toEqual({ host: '127.0.0.1', port: smtp.port, security: 'none', username: 'relay', hasPassword: true });
    expect(JSON.stringify(settings)).not.toContain('s3cret-pass');
    const d = await openDrop(client, m, { name: 'Air Test 1', inventory: 1, checkoutUrl: 'https://shop.example/checkout?sku=1' });
    const entries = new Map<string, string>();
    for (const sh of shoppers) {
      const r = await enterWith(client, m, d.id, sh.id, { email: sh.email, locale: sh.locale, zoneinfo: sh.zoneinfo });
      expect(r.status).toBe(201);
      entries.set(r.body.entryId, sh.id);
    }
    await smtp.waitFor(() => shoppers.every((sh) => smtp.to(sh.email).length === 1));
    for (const sh of shoppers) {
      const [mail] = smtp.to(sh.email);
      expect(mail!.mail.subject).toMatch(sh.entered);
      expect(mail!.mail.subject).toContain('Air Test 1');
      expect(mail!.mail.from?.value[0]).toEqual({ address: 'drops@shop.example', name: 'Sneaker Shop' });
      expect(mail!.mail.text).toContain([...entries].find(([, c]) => c === sh.id)![0]);
      expect(rawHeaders(mail!.raw, 'List-Unsubscribe')).toEqual([expect.stringMatching(/^<http:\/\/127\.0\.0\.1:\d+\/v1\/public\/email\/unsubscribe\?t=us\.[^ >]+>$/)]);
      expect(rawHeaders(mail!.raw, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
      expect(mail!.mail.html).toContain('#0f766e');
    }

    const record = await drawNow(client, m, d.id);
    const winner = shoppers.find((sh) => sh.id === entries.get(record.winners[0]))!;
    const losers = shoppers.filter((sh) => sh !== winner);
    await smtp.waitFor(() => shoppers.every((sh) => smtp.to(sh.email).length === 2), 60_000);
    const won = smtp.to(winner.email)[1]!;
    const checkout = linkIn(won.mail.text!, 'https://shop.example/checkout?sku=1&token=');
    expect(checkout).toMatch(/token=pt\./);
    const me = await client.req('GET', `/v1/public/drops/${d.id}/entries/me`, { headers: { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': await tokenWith(m, winner.id, {}) } });
    const deadline = new Intl.DateTimeFormat(winner.locale.slice(0, 2), { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: winner.zoneinfo, timeZoneName: 'short' }).format(Date.parse(me.body.purchaseDeadline));
    expect(won.mail.subject).toContain(deadline);
    expect(won.mail.text).toContain(deadline);
    for (const l of losers) {
      const lost = smtp.to(l.email)[1]!;
      expect(lost.mail.subject).toMatch(l.lost);
      expect(lost.at).toBeGreaterThanOrEqual(won.at); // winners first
    }

    // Status through the API: one record per notice.
    const wn = await client.req('GET', `/v1/drops/${d.id}/entries/${record.winners[0]}/notices`, { headers: sk(m) });
    expect(wn.body.data.map((n: any) => [n.notice, n.status])).toEqual(expect.arrayContaining([['entered', 'sent'], ['won', 'sent']]));
    await waitFor('the lost job done', async () => (await client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) })).body.data[0]?.status === 'done');
    const jobs = await client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) });
    expect(jobs.body.data[0]).toMatchObject({ kind: 'lost', status: 'done', processed: 3, dispatched: 2 });

    // The unsubscribe link works without signing in; later notices are suppressed.
    const loser = losers[0]!;
    const unsub = linkIn(smtp.to(loser.email)[1]!.mail.text!, '/v1/public/email/unsubscribe?t=');
    const page = await fetch(unsub);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const done = await fetch(unsub, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    const d2 = await openDrop(client, m, { name: 'Air Test 2' });
    const again = await enterWith(client, m, d2.id, loser.id, { email: loser.email, locale: loser.locale });
    expect(again.status).toBe(201);
    let status: any;
    await waitFor('entered suppressed', async () => (status = (await client.req('GET', `/v1/drops/${d2.id}/entries/${again.body.entryId}/notices`, { headers: sk(m) })).body.data[0])?.status === 'suppressed');
    expect(status).toMatchObject({ notice: 'entered', status: 'suppressed', reason: 'unsubscribed' });
    expect(smtp.to(loser.email)).toHaveLength(2);
  }, 120_000);
});
