import { describe, expect, it } from 'vitest';
import { jwtVerify } from 'jose';
import { mintShopperToken } from '@fairdrop/sdk/server';

const secret = 'shopper-secret-0123456789abcdef';

describe('mintShopperToken', () => {
  it('signs HS256 with aud "fairdrop", sub = customer id and a bounded exp', async () => {
    const now = Date.UTC(2030, 0, 1);
    const token = await mintShopperToken({ secret, customerId: 'cust_42', expiresInSeconds: 600, now: () => now });
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), { audience: 'fairdrop', currentDate: new Date(now + 1000) });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'cust_42', aud: 'fairdrop', iat: now / 1000, exp: now / 1000 + 600 });
  });

  it('refuses lifetimes over an hour and empty ids, saying why', async () => {
    await expect(mintShopperToken({ secret, customerId: 'c', expiresInSeconds: 7200 })).rejects.toThrow(/1 to 3600/);
    await expect(mintShopperToken({ secret, customerId: '' })).rejects.toThrow(/1–128/);
  });
});
