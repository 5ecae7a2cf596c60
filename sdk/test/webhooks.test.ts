import { describe, expect, it } from 'vitest';
import { verifyWebhook, signWebhookForTest, signStandardWebhookForTest } from '@fairdrop/sdk/webhooks';
import { createHmac } from 'node:crypto';

const secret = 'whsec_test_0123456789';
const body = JSON.stringify({ id: 'evt_1', type: 'entry.won', createdAt: '2030-01-01T00:00:00.000Z', dropId: 'drp_1', data: { entryId: 'e1' } });
const t = 1_900_000_000;
const at = (s: number) => () => s * 1000;

describe('verifyWebhook', () => {
  it('accepts a body signed the way the server signs it (HMAC-SHA256 of "t.body")', () => {
    const header = `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    expect(signWebhookForTest(body, secret, { timestamp: t })).toBe(header);
    const v = verifyWebhook(body, header, secret, { now: at(t + 10) });
    expect(v).toEqual({ ok: true, event: JSON.parse(body), timestamp: t });
  });

  it('accepts raw bytes as well as text', () => {
    const header = signWebhookForTest(body, secret, { timestamp: t });
    expect(verifyWebhook(new TextEncoder().encode(body), header, secret, { now: at(t) }).ok).toBe(true);
  });

  it('rejects a tampered body', () => {
    const header = signWebhookForTest(body, secret, { timestamp: t });
    const v = verifyWebhook(body.replace('e1', 'e2'), header, secret, { now: at(t) });
    expect(v).toMatchObject({ ok: false, reason: 'signature_mismatch' });
    expect(!v.ok && v.message).toMatch(/raw request body/);
  });

  it('rejects a re-serialized body (whitespace changes the signature)', () => {
    const header = signWebhookForTest(body, secret, { timestamp: t });
    expect(verifyWebhook(JSON.stringify(JSON.parse(body), null, 2), header, secret, { now: at(t) }).ok).toBe(false);
  });

  it('rejects the wrong secret', () => {
    const header = signWebhookForTest(body, 'another-secret', { timestamp: t });
    expect(verifyWebhook(body, header, secret, { now: at(t) })).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });

  it('rejects stale and future timestamps outside the tolerance', () => {
    const header = signWebhookForTest(body, secret, { timestamp: t });
    expect(verifyWebhook(body, header, secret, { now: at(t + 301) })).toMatchObject({ ok: false, reason: 'timestamp_outside_tolerance' });
    expect(verifyWebhook(body, header, secret, { now: at(t - 301) })).toMatchObject({ ok: false, reason: 'timestamp_outside_tolerance' });
    expect(verifyWebhook(body, header, secret, { now: at(t + 300) }).ok).toBe(true);
    expect(verifyWebhook(body, header, secret, { now: at(t + 3600), toleranceSeconds: 7200 }).ok).toBe(true);
  });

  it('rejects a re-signed timestamp (the timestamp is part of the signed text)', () => {
    const header = signWebhookForTest(body, secret, { timestamp: t }).replace(`t=${t}`, `t=${t + 100}`);
    expect(verifyWebhook(body, header, secret, { now: at(t + 100) })).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });

  it('names missing and malformed headers', () => {
    expect(verifyWebhook(body, undefined, secret)).toMatchObject({ ok: false, reason: 'missing_header' });
    expect(verifyWebhook(body, 'nonsense', secret)).toMatchObject({ ok: false, reason: 'malformed_header' });
    expect(verifyWebhook(body, `t=${t},v1=xyz`, secret)).toMatchObject({ ok: false, reason: 'malformed_header' });
  });

  it('accepts any of several v1 signatures (secret rotation)', () => {
    const good = signWebhookForTest(body, secret, { timestamp: t }).split(',')[1];
    const header = `t=${t},v1=${'0'.repeat(64)},${good}`;
    expect(verifyWebhook(body, header, secret, { now: at(t) }).ok).toBe(true);
  });
});

describe('verifyWebhook with Standard Webhooks headers', () => {
  const std = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const key = Buffer.from(std.slice(6), 'base64');
  const sign = (id: string, ts: number, b: string) => `v1,${createHmac('sha256', key).update(`${id}.${ts}.${b}`).digest('base64')}`;

  it('accepts webhook-signature v1,<base64 HMAC of "id.t.body"> keyed with the decoded secret', () => {
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(t), 'webhook-signature': sign('evt_1', t, body) };
    expect(signStandardWebhookForTest(body, std, { timestamp: t, id: 'evt_1' })).toEqual(headers);
    expect(verifyWebhook(body, headers, std, { now: at(t + 5) })).toEqual({ ok: true, event: JSON.parse(body), timestamp: t });
    expect(verifyWebhook(body, new Headers(headers), std, { now: at(t) }).ok).toBe(true);
  });

  it('accepts any one of several space-separated signatures (key rotation)', () => {
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(t), 'webhook-signature': `v1,AAAA ${sign('evt_1', t, body)}` };
    expect(verifyWebhook(body, headers, std, { now: at(t) }).ok).toBe(true);
  });

  it('refuses a changed id, a tampered body, an old timestamp and a missing id', () => {
    const good = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(t), 'webhook-signature': sign('evt_1', t, body) };
    expect(verifyWebhook(body, { ...good, 'webhook-id': 'evt_2' }, std, { now: at(t) })).toMatchObject({ ok: false, reason: 'signature_mismatch' });
    expect(verifyWebhook(body.replace('e1', 'e2'), good, std, { now: at(t) })).toMatchObject({ ok: false, reason: 'signature_mismatch' });
    expect(verifyWebhook(body, good, std, { now: at(t + 301) })).toMatchObject({ ok: false, reason: 'timestamp_outside_tolerance' });
    expect(verifyWebhook(body, { 'webhook-timestamp': String(t), 'webhook-signature': good['webhook-signature'] }, std, { now: at(t) })).toMatchObject({ ok: false, reason: 'malformed_header' });
  });

  it('falls back to Fairdrop-Signature when a headers object has only the deprecated scheme', () => {
    const headers = { 'fairdrop-signature': signWebhookForTest(body, std, { timestamp: t }) };
    expect(verifyWebhook(body, headers, std, { now: at(t) }).ok).toBe(true);
    expect(verifyWebhook(body, {}, std, { now: at(t) })).toMatchObject({ ok: false, reason: 'missing_header' });
  });
});
