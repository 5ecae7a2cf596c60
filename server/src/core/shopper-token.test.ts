import { describe, it, expect } from 'vitest';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { createHmac } from 'node:crypto';
import { verifyShopperToken, MAX_TOKEN_LIFETIME_S, LIFETIME_LEEWAY_S } from './shopper-token.js';

const SECRET = 'sts_test-secret-0123456789abcdef';
const key = new TextEncoder().encode(SECRET);
const NOW = 1_800_000_000_000;
const s = Math.floor(NOW / 1000);

const sign = (claims: JWTPayload, header: Record<string, unknown> = { alg: 'HS256' }, secret = key) =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(secret);

/** A token with a hand-made header (jose refuses to sign some of these). */
function raw(header: object, claims: object, secret = SECRET): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const b = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${h}.${b}.${createHmac('sha256', secret).update(`${h}.${b}`).digest('base64url')}`;
}

async function jose(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: 'fairdrop', requiredClaims: ['sub', 'exp'], clockTolerance: 5, currentDate: new Date(NOW) });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch { return null; }
}

const good = { sub: 'alice', aud: 'fairdrop', exp: s + 600 };
const cases: Array<[string, () => Promise<string> | string]> = [
  ['a valid token', () => sign(good)],
  ['aud given as a list', () => sign({ ...good, aud: ['other', 'fairdrop'] })],
  ['the wrong audience', () => sign({ ...good, aud: 'other' })],
  ['no audience', () => sign({ sub: 'alice', exp: s + 600 })],
  ['no exp', () => sign({ sub: 'alice', aud: 'fairdrop' })],
  ['no sub', () => sign({ aud: 'fairdrop', exp: s + 600 })],
  ['expired beyond the tolerance', () => sign({ ...good, exp: s - 10 })],
  ['expired within the tolerance', () => sign({ ...good, exp: s - 2 })],
  ['nbf in the future', () => sign({ ...good, nbf: s + 60 })],
  ['nbf within the tolerance', () => sign({ ...good, nbf: s + 3 })],
  ['a non-numeric exp', () => raw({ alg: 'HS256' }, { ...good, exp: 'later' })],
  ['another key', () => sign(good, { alg: 'HS256' }, new TextEncoder().encode('sts_someone-else-0123456789abcdef'))],
  ['HS512', () => sign(good, { alg: 'HS512' })],
  ['alg none', () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(good)).toString('base64url')}.`],
  ['a crit header', () => raw({ alg: 'HS256', crit: ['exp'] }, good)],
  ['garbage', () => 'not.a.token'],
  ['two parts', () => 'abc.def'],
];

describe('shopper tokens', () => {
  for (const [name, make] of cases) {
    it(`agrees with jose on ${name}`, async () => {
      const token = await make();
      expect(verifyShopperToken(token, SECRET, NOW)).toBe(await jose(token));
    });
  }

  it('rejects a token when any character of it changes', async () => {
    const token = await sign(good);
    // The signature's last character carries padding bits, so it is left out.
    for (let i = 0; i < token.length - 1; i += 1) {
      const c = token[i] === 'A' ? 'B' : 'A';
      const tampered = token.slice(0, i) + c + token.slice(i + 1);
      if (tampered === token || tampered.charAt(i) === '.') continue;
      expect(verifyShopperToken(tampered, SECRET, NOW), `position ${i}`).toBeNull();
    }
  });
});

// Issue 9, item 7: the docs promise exp ≤ 1 hour; a token valid for ten years is refused.
describe('shopper token lifetime', () => {
  it('accepts exp up to one hour plus a minute of leeway ahead, and refuses anything longer', async () => {
    expect(verifyShopperToken(await sign({ ...good, exp: s + MAX_TOKEN_LIFETIME_S }), SECRET, NOW)).toBe('alice');
    expect(verifyShopperToken(await sign({ ...good, exp: s + MAX_TOKEN_LIFETIME_S + LIFETIME_LEEWAY_S }), SECRET, NOW)).toBe('alice');
    expect(verifyShopperToken(await sign({ ...good, exp: s + MAX_TOKEN_LIFETIME_S + LIFETIME_LEEWAY_S + 1 }), SECRET, NOW)).toBeNull();
    expect(verifyShopperToken(await sign({ ...good, exp: s + 10 * 365 * 86_400 }), SECRET, NOW)).toBeNull();
  });
});
