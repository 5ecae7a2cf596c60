import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { renderNotice, formatMoment } from './render.js';
import { noticeHeaders, oneLine } from './headers.js';
import { LOCALES, isEmailAddress, pickLocale, pickTimeZone, type AnyNotice } from './kinds.js';
import { checkConfirm, checkUnsubscribe, confirmToken, recipientKey, unsubscribeToken } from './links.js';
import { advance, pace, pageSpanMs, sendOffsets } from './pacing.js';
import { smtpHostProblem } from './smtp-host.js';

const ALL: AnyNotice[] = ['entered', 'won', 'reminder', 'promoted', 'lost', 'cancelled', 'opening_soon', 'confirm_address'];
const base = { merchantName: 'Shop', dropName: 'Air <One>', entryId: '01abc', unsubscribeUrl: 'https://api.example/v1/public/email/unsubscribe?t=us.x', verifyUrl: 'https://api.example/v1/public/drops/d/record', actionUrl: 'https://shop.example/buy?a=1&b=2', deadline: Date.UTC(2030, 0, 2, 15, 30), opensAt: Date.UTC(2030, 0, 1, 9), credits: 2, timeZone: 'Asia/Tokyo' };

describe('renderNotice', () => {
  it('renders every notice in every language, with no placeholder left and the drop name escaped', () => {
    for (const locale of LOCALES) for (const notice of ALL) {
      const r = renderNotice({ ...base, notice, locale });
      for (const part of [r.subject, r.text, r.html]) expect(part, `${locale} ${notice}`).not.toMatch(/\{\w+\}/);
      expect(r.html).toContain('Air &#60;One&#62;');
      expect(r.html).not.toContain('<One>');
      expect(r.text).toContain(base.unsubscribeUrl);
      expect(r.html).toContain(`lang="${locale}"`);
    }
  });

  it('puts the deadline in the shopper’s time zone and language', () => {
    const r = renderNotice({ ...base, notice: 'won', locale: 'en' });
    expect(formatMoment(base.deadline, 'en', 'Asia/Tokyo')).toMatch(/12:30 AM GMT\+9|00:30 GMT\+9/);
    expect(r.subject).toContain(formatMoment(base.deadline, 'en', 'Asia/Tokyo'));
    expect(renderNotice({ ...base, notice: 'won', locale: 'de', timeZone: 'Europe/Berlin' }).text).toContain('MEZ');
  });

  it('mentions rollover credits only in a loss that earned some, and uses only valid colours', () => {
    expect(renderNotice({ ...base, notice: 'lost', locale: 'en' }).text).toContain('You earned 2 rollover credit(s)');
    expect(renderNotice({ ...base, notice: 'lost', locale: 'en', credits: 0 }).text).not.toContain('rollover credit');
    const html = renderNotice({ ...base, notice: 'won', locale: 'en', brand: { primaryColor: 'red;background:url(x)' } }).html;
    expect(html).not.toContain('url(x)');
    expect(html).toContain('#4f46e5');
  });
});

describe('headers', () => {
  it('flattens any control character to one line', () => {
    fc.assert(fc.property(fc.string(), (s) => { expect(oneLine(s)).not.toMatch(/[\r\n\u2028\u2029\u0000-\u001f]/); }));
    expect(oneLine('a\r\nBcc: x\n\tb')).toBe('a Bcc: x b');
  });

  it('builds List-Unsubscribe and one-click headers, and refuses unsafe addresses and URLs', () => {
    const h = noticeHeaders({ fromName: 'Shop\r\nBcc: x@y.z', fromAddress: 'a@shop.example', to: 'b@example.com', subject: 'Hi\r\nX: y', unsubscribeUrl: 'https://x.example/u?t=1', messageId: '<d.e.won@shop.example>' });
    expect(Object.fromEntries(h.headers)).toMatchObject({ 'List-Unsubscribe': '<https://x.example/u?t=1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect([h.from.name, h.subject]).toEqual(['Shop Bcc: x@y.z', 'Hi X: y']);
    const ok = { fromName: 'S', fromAddress: 'a@shop.example', to: 'b@example.com', subject: 's', unsubscribeUrl: 'https://x.example/u', messageId: '<m@x>' };
    expect(() => noticeHeaders({ ...ok, to: 'b@example.com\r\nBcc: c@d.e' })).toThrow(/to/);
    expect(() => noticeHeaders({ ...ok, unsubscribeUrl: 'https://x.example/u>\r\nX: y' })).toThrow(/unsubscribe/);
    expect(() => noticeHeaders({ ...ok, messageId: '<m@x>\r\nX: y' })).toThrow(/message id/);
  });

  it('accepts plain addresses only', () => {
    for (const good of ['a@b.example', 'first.last+tag@sub.example.co.uk']) expect(isEmailAddress(good)).toBe(true);
    for (const bad of ['a', 'a@b', 'a@b.example, c@d.example', '<a@b.example>', 'a b@c.example', 'a@b.example\n', 'a@-b.example', 7, null]) expect(isEmailAddress(bad), String(bad)).toBe(false);
  });
});

describe('links', () => {
  const secret = 'x'.repeat(40);
  it('round-trips unsubscribe and confirm tokens and refuses the other kind, expiry and other merchants', () => {
    const r = recipientKey(secret, 'merA', 'Ana@Example.com');
    expect(r).toBe(recipientKey(secret, 'merA', 'ana@example.com'));
    expect(r.startsWith('merA:')).toBe(true);
    const u = unsubscribeToken(secret, 'merA', r, 1000);
    expect(checkUnsubscribe(secret, u, 2000)).toMatchObject({ ok: true, payload: { m: 'merA', r } });
    expect(checkConfirm(secret, u, 2000).ok).toBe(false);
    expect(checkUnsubscribe('y'.repeat(40), u, 2000)).toMatchObject({ ok: false, reason: 'signature' });
    expect(checkUnsubscribe(secret, u, 1000 + 401 * 86_400_000)).toMatchObject({ ok: false, reason: 'expired' });
    expect(checkUnsubscribe(secret, unsubscribeToken(secret, 'merB', r, 1000), 2000)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkConfirm(secret, confirmToken(secret, 'merA', r, 'ana@example.com', 1000), 2000)).toMatchObject({ ok: true, payload: { e: 'ana@example.com' } });
  });
});

describe('pacing', () => {
  it('spreads a page evenly at the rate, and the next page starts when its time is used', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 1000 }), (n, rate) => {
      const o = sendOffsets(n, rate);
      expect(o).toHaveLength(n);
      for (let i = 1; i < n; i++) expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(Math.floor(1000 / rate));
      if (n) expect(o[n - 1]!).toBeLessThan(pageSpanMs(n, rate) + 1);
      // n sends per span → the long-run rate is exactly `rate`
      if (n) expect(Math.abs(n / (pageSpanMs(n, rate) / 1000) - rate) / rate).toBeLessThan(0.01 + 1 / pageSpanMs(n, rate));
    }));
  });

  it('walks pages then shards, and ends', () => {
    expect(advance({ shard: 0, page: 0 }, 2, 2)).toEqual({ shard: 0, page: 1 });
    expect(advance({ shard: 0, page: 1 }, 2, 2)).toEqual({ shard: 1, page: 0 });
    expect(advance({ shard: 1, page: 0 }, 0, 2)).toBeNull();
  });
});

describe('smtp host', () => {
  it('refuses private hosts and clear text outside development only', () => {
    for (const h of ['127.0.0.1', '10.0.0.1', '192.168.1.1', 'localhost', 'mx.localhost', '169.254.169.254', '::1', '[fc00::1]']) expect(smtpHostProblem(h, 'tls', false)?.path, h).toBe('smtp.host');
    expect(smtpHostProblem('smtp.example.com', 'none', false)?.path).toBe('smtp.security');
    expect(smtpHostProblem('smtp.example.com', 'starttls', false)).toBeNull();
    expect(smtpHostProblem('127.0.0.1', 'none', true)).toBeNull();
    expect(smtpHostProblem('a\r\nb', 'tls', true)?.path).toBe('smtp.host');
  });

  it('picks one of the five languages and a real time zone', () => {
    expect([pickLocale('de-AT'), pickLocale('pt-BR'), pickLocale(undefined), pickLocale('JA')]).toEqual(['de', 'en', 'en', 'ja']);
    expect([pickTimeZone('Europe/Berlin'), pickTimeZone('Mars/Base'), pickTimeZone('UTC\r\nX: y')]).toEqual(['Europe/Berlin', 'UTC', 'UTC']);
  });
});

describe('pace', () => {
  it('keeps every send evenly spaced at the rate however late each step runs', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 900 })), { minLength: 1, maxLength: 30 }), (rate, steps) => {
      let now = 0; let nextAt: number | undefined; const sends: number[] = [];
      for (const [n, latency] of steps) {
        const p = pace(now, nextAt, n, rate);
        sends.push(...p.offsets.map((o) => now + o));
        nextAt = p.nextAt;
        now += p.waitMs + Math.min(latency, p.nextAt - now - p.waitMs); // late, but before this page's time is up
      }
      const gap = 1000 / rate;
      sends.forEach((t, k) => expect(Math.abs(t - k * gap)).toBeLessThanOrEqual(1 + k * 0.001 + 0.5 * (steps.length)));
    }));
  });
});
