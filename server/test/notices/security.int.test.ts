/**
 * Bad input and security around shopper email: a non-address email claim is refused with
 * `email_invalid`; CR/LF in every merchant-supplied field cannot add a header or a recipient;
 * SMTP relays on private addresses or without TLS are refused outside development; the password
 * is stored sealed and never returned; unsubscribe links are signed and scoped to one merchant.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fairdropProcess, type FairdropProcess } from '../harness.js';
import { TestClient } from '../client.js';
import { startStack, baseEnv, sk, openDrop, waitFor, SECRET, type Stack } from '../stack.js';
import { signToken } from '../../src/core/tokens.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { useSmtp, enterWith, rawHeaders, linkIn } from './helpers.js';

let s: Stack; let prod: FairdropProcess; let sink: SmtpSink;
beforeAll(async () => {
  s = await startStack();
  [prod, sink] = await Promise.all([fairdropProcess('api', baseEnv(s.restate, { FAIRDROP_WEBHOOK_ALLOW_PRIVATE: 'false' })), smtpSink()]);
}, 90_000);
afterAll(async () => { await prod?.stop(); await sink?.close(); await s?.dispose(); });

const INJECT = 'Evil\r\nBcc: spy@evil.example\r\nX-Injected: yes\n\nbody';

describe('shopper email: bad input and security', () => {
  it('refuses an email claim that is not an address, with email_invalid', async () => {
    const m = await s.client.merchant();
    const d = await openDrop(s.client, m);
    for (const [i, email] of ['not-an-address', 'a@b.example, c@d.example', 'a@b.example\r\nBcc: x@y.example', 42, '<a@b.example>'].entries()) {
      const r = await enterWith(s.client, m, d.id, `bad${i}`, { email });
      expect([r.status, r.body.code], String(email)).toEqual([400, 'email_invalid']);
    }
    const anon = await enterWith(s.client, m, d.id, 'ok', {}, { notify: { email: 'two@a.example two@b.example' } });
    expect([anon.status, anon.body.code]).toEqual([400, 'email_invalid']);
  });

  it('keeps CR/LF in every merchant-supplied field out of the headers', async () => {
    const m = await s.client.merchant(INJECT);
    const base = { from: { address: 'drops@shop.example' }, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' } };
    for (const bad of [
      { from: { address: 'drops@shop.example', name: INJECT } }, { from: { address: 'drops@shop.example\r\nBcc: spy@evil.example' } },
      { replyTo: 'a@b.example\r\nBcc: spy@evil.example' }, { smtp: { ...base.smtp, username: 'u\r\nMAIL FROM:<x@y>' } },
      { smtp: { ...base.smtp, host: '127.0.0.1\r\nX: y' } }, { siteUrl: 'https://shop.example/\r\nBcc: spy@evil.example' },
      { brand: { primaryColor: '#000000\r\nX: y' } },
    ]) {
      const r = await s.client.req('PUT', '/v1/merchant/email', { headers: sk(m), body: { ...base, ...bad } });
      expect([r.status, r.body.code], JSON.stringify(bad)).toEqual([400, 'validation_failed']);
    }
    await useSmtp(s.client, m, sink.port, { from: { address: 'drops@shop.example' } }); // sender name falls back to the (hostile) merchant name
    const d = await openDrop(s.client, m, { name: INJECT });
    const r = await enterWith(s.client, m, d.id, 'vic', { email: 'vic@example.com', locale: 'en\r\nX: y', zoneinfo: 'UTC\r\nX-Injected: yes' });
    expect(r.status).toBe(201);
    await sink.waitFor(() => sink.to('vic@example.com').length === 1);
    const [got] = sink.to('vic@example.com');
    expect(got!.rcptTo).toEqual(['vic@example.com']);
    expect(rawHeaders(got!.raw, 'Bcc')).toEqual([]);
    expect(rawHeaders(got!.raw, 'X-Injected')).toEqual([]);
    expect(got!.mail.subject).toBe("You're in: Evil Bcc: spy@evil.example X-Injected: yes body");
    expect(got!.mail.from?.value[0]?.name).toBe('Evil Bcc: spy@evil.example X-Injected: yes body');
    expect(got!.mail.html).not.toContain('<body>body'); // the drop name is escaped in HTML
  });

  it('refuses private or clear-text SMTP relays outside development, and never returns the password', async () => {
    const m = await s.client.merchant();
    const prodClient = new TestClient(prod.apiUrl);
    const put = (smtp: Record<string, unknown>) => prodClient.req('PUT', '/v1/merchant/email', { headers: sk(m), body: { from: { address: 'drops@shop.example' }, smtp } });
    for (const smtp of [
      { host: '127.0.0.1', port: 25, security: 'tls' }, { host: '10.1.2.3', port: 587, security: 'starttls' }, { host: 'localhost', port: 465, security: 'tls' },
      { host: '169.254.169.254', port: 465, security: 'tls' }, { host: '[::1]', port: 465, security: 'tls' }, { host: 'smtp.example.com', port: 25, security: 'none' },
    ]) {
      const r = await put(smtp);
      expect([r.status, r.body.code], JSON.stringify(smtp)).toEqual([400, 'validation_failed']);
    }
    const ok = await put({ host: 'smtp.example.com', port: 587, security: 'starttls', username: 'u', password: 'hunter2-very-secret' });
    expect(ok.status).toBe(200);
    expect(ok.body.smtp).toEqual({ host: 'smtp.example.com', port: 587, security: 'starttls', username: 'u', hasPassword: true });
    const again = await prodClient.req('GET', '/v1/merchant/email', { headers: sk(m) });
    expect(JSON.stringify(again.body)).not.toContain('hunter2');
    // At rest: Restate's own state holds the sealed value, not the password.
    const q = await fetch(`${s.restate.adminUrl}/query`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query: `SELECT value_utf8 FROM state WHERE service_name = 'outbox' AND service_key = '${m.merchant.id}' AND key = 'settings'` }) });
    const rows = JSON.stringify(await q.json());
    expect(rows).toContain('passwordSealed');
    expect(rows).toContain('enc1.');
    expect(rows).not.toContain('hunter2');
  });

  it('honours only signed unsubscribe links, each scoped to one merchant', async () => {
    const m = await s.client.merchant('Scope Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['entered'] });
    const d = await openDrop(s.client, m);
    expect((await enterWith(s.client, m, d.id, 'una', { email: 'una@example.com' })).status).toBe(201);
    await sink.waitFor(() => sink.to('una@example.com').length === 1);
    const link = linkIn(sink.to('una@example.com')[0]!.mail.text!, '/v1/public/email/unsubscribe?t=');
    const token = new URL(link).searchParams.get('t')!;
    const [kind, body, sig] = token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const other = await s.client.merchant('Other Shop');
    const forged = `${kind}.${Buffer.from(JSON.stringify({ ...payload, m: other.merchant.id })).toString('base64url')}.${sig}`;
    const crossScoped = signToken('us', { m: other.merchant.id, r: payload.r, x: payload.x }, SECRET); // signed, but names another merchant's recipient
    for (const t of [forged, crossScoped, 'garbage', token.slice(0, -3)]) {
      const r = await s.client.req('POST', `/v1/public/email/unsubscribe?t=${encodeURIComponent(t)}`);
      expect([r.status, r.body.code], t.slice(0, 20)).toEqual([400, 'email_token_invalid']);
    }
    expect((await s.client.req('GET', '/v1/public/email/unsubscribe')).body.code).toBe('email_token_invalid');
    const good = await fetch(link, { method: 'POST' });
    expect(good.status).toBe(200);
    const d2 = await openDrop(s.client, m);
    const again = await enterWith(s.client, m, d2.id, 'una', { email: 'una@example.com' });
    await waitFor('suppressed', async () => (await s.client.req('GET', `/v1/drops/${d2.id}/entries/${again.body.entryId}/notices`, { headers: sk(m) })).body.data[0]?.reason === 'unsubscribed');
  });
});
