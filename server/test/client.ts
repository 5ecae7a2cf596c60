/** A small HTTP client for integration tests: merchants, drops, shopper tokens, solved registrations. */
import { SignJWT } from 'jose';
import { solvePowReference } from '@fairdrop/sdk/pow';
import { ADMIN } from './harness.js';
import { checkResponse } from './contract.js';

export interface Merchant { secretKey: string; publishableKey: string; shopperTokenSecret: string; webhookSecret: string; merchant: { id: string } }

export class TestClient {
  constructor(readonly apiUrl: string, readonly seen: Array<{ method: string; path: string; status: number; contentType: string; body: unknown }> = []) {}

  async req(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
    const res = await fetch(this.apiUrl + path, { method, headers, signal: AbortSignal.timeout(30_000), ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const body = /application\/(problem\+)?json/.test(contentType) && text ? JSON.parse(text) : text;
    this.seen.push({ method, path, status: res.status, contentType, body });
    // Every response the suite sees must match openapi.yaml (throws a ContractError otherwise).
    checkResponse(method, path, res.status, contentType, body);
    return { status: res.status, body, headers: res.headers };
  }

  async merchant(name = 'Test shop', allowedOrigins: string[] = []): Promise<Merchant> {
    const r = await this.req('POST', '/v1/admin/merchants', { body: { name, allowedOrigins }, headers: { authorization: `Bearer ${ADMIN}` } });
    if (r.status !== 201) throw new Error(`merchant: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async drop(m: Merchant, over: Record<string, unknown> = {}, openInMs = 0, closeInMs = 4000): Promise<any> {
    const now = Date.now();
    // beacon 'none' draws at the close; drops with a drand beacon are tested in beacon.int.test.ts.
    const body = { name: 'Test drop', inventory: 2, beacon: 'none', opensAt: new Date(now + openInMs).toISOString(), closesAt: new Date(now + closeInMs).toISOString(), powDifficulty: 4, maxTickets: 5, purchaseWindowSeconds: 60, ...over };
    const r = await this.req('POST', '/v1/drops', { body, headers: { authorization: `Bearer ${m.secretKey}` } });
    if (r.status !== 201) throw new Error(`drop: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  shopperToken(m: Merchant, customerId: string, expiresIn = '10m'): Promise<string> {
    return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(customerId).setAudience('fairdrop').setIssuedAt().setExpirationTime(expiresIn)
      .sign(new TextEncoder().encode(m.shopperTokenSecret));
  }

  async shopperHeaders(m: Merchant, customerId: string): Promise<Record<string, string>> {
    return { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': await this.shopperToken(m, customerId) };
  }

  /** Ask for a challenge, solve it, register. */
  async register(m: Merchant, dropId: string, customerId: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
    const h = headers ?? await this.shopperHeaders(m, customerId);
    const ch = await this.req('POST', `/v1/public/drops/${dropId}/challenge`, { headers: h });
    if (ch.status !== 200) return ch;
    const nonce = solvePowReference(ch.body.prefix, ch.body.difficulty)!;
    return this.req('POST', `/v1/public/drops/${dropId}/entries`, { headers: h, body: { tickets: 1, pow: { challenge: ch.body.challenge, nonce }, ...humanSignals, ...extra } });
  }
}

/** Signals a person's browser would send (the trust score passes with them). */
export const humanSignals = {
  signals: { dwellMs: 4200, pointerEvents: 12, keyEvents: 3, focusChanges: 2, webdriver: false },
  fingerprint: { visitorId: 'vis_abcdef123456', components: { platform: 'Linux', timezone: 'Europe/Berlin', screen: '1920x1080', languages: 'en', cores: 8, userAgent: 'Mozilla/5.0' } },
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
