/** Shared steps of the notice tests: email settings, shopper tokens with an email claim, registering. */
import { SignJWT } from 'jose';
import { solvePowReference } from '@fairdrop/sdk/pow';
import { humanSignals, type Merchant, type TestClient } from '../client.js';
import { sk } from '../stack.js';

export async function useSmtp(client: TestClient, m: Merchant, port: number, over: Record<string, unknown> = {}) {
  const r = await client.req('PUT', '/v1/merchant/email', { headers: sk(m), body: {
    from: { address: 'drops@shop.example', name: 'Sneaker Shop' }, smtp: { host: '127.0.0.1', port, security: 'none', username: 'relay', password: 's3cret-pass' },
    brand: { primaryColor: '#0f766e' }, siteUrl: 'https://shop.example/drops', reminderMinutesBefore: 1, ...over,
  } });
  if (r.status !== 200) throw new Error(`email settings: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function tokenWith(m: Merchant, customer: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(customer).setAudience('fairdrop').setIssuedAt().setExpirationTime('10m')
    .sign(new TextEncoder().encode(m.shopperTokenSecret));
}

/** Register a signed-in shopper whose token carries `claims` (email, locale, zoneinfo). */
export async function enterWith(client: TestClient, m: Merchant, dropId: string, customer: string, claims: Record<string, unknown>, body: Record<string, unknown> = {}) {
  const headers = { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': await tokenWith(m, customer, claims) };
  const ch = await client.req('POST', `/v1/public/drops/${dropId}/challenge`, { headers });
  if (ch.status !== 200) return ch;
  const nonce = solvePowReference(ch.body.prefix, ch.body.difficulty)!;
  return client.req('POST', `/v1/public/drops/${dropId}/entries`, { headers, body: { tickets: 1, pow: { challenge: ch.body.challenge, nonce }, ...humanSignals, ...body } });
}

export const linkIn = (text: string, part: string) => {
  const escaped = part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`(?:https?://[^\\s"<>]*)?${escaped}[^\\s"<>]*`).exec(text);
  if (!m) throw new Error(`no ${part} link in:\n${text}`);
  return m[0];
};

/** A header of a raw message, unfolded (RFC 5322 §2.2.3), or undefined; all values when `all`. */
export function rawHeaders(raw: string, name: string): string[] {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return head.split(/\r?\n/).filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((l) => l.slice(name.length + 1).trim());
}
