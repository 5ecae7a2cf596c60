import { describe, it, expect } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { base58, identityKeyOf } from './request-identity.js';

describe('Restate request identity keys', () => {
  it('encodes base58 with leading zero bytes as 1s', () => {
    expect(base58(Uint8Array.from([0, 0, 1]))).toBe('112');
    expect(base58(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV');
  });

  it('names a PEM key as restate-server logs it (publickeyv1_ + base58 of the raw public key)', () => {
    // The key and name restate-server 1.7 logged ("Loaded request identity key kid=…") for this PEM.
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIHscdxmdDJH84XFm0pYTAIEEiOV5fXmt5yeEjGQzmwUA\n-----END PRIVATE KEY-----\n';
    expect(identityKeyOf(pem)).toBe('publickeyv1_Anyc3FHFi6uXfS8HzS6TUenusAwijbYDNDiugzk9LueT');
    const { privateKey: ec } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(() => identityKeyOf(ec.export({ format: 'pem', type: 'pkcs8' }) as string)).toThrow(/Ed25519/);
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(identityKeyOf(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string)).toMatch(/^publickeyv1_[1-9A-HJ-NP-Za-km-z]{43,44}$/);
  });
});
