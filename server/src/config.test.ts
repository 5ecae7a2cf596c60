import { describe, expect, it } from 'vitest';
import { QUICKNET, chainInfoOf } from '@fairdrop/sdk/draw';
import { DEFAULT_DRAND_RELAYS, loadConfig } from './config.js';

const base = { FAIRDROP_SERVER_SECRET: 'x'.repeat(32) };

describe('drand configuration', () => {
  it('defaults to quicknet and drand’s public relays', () => {
    const { drand } = loadConfig(base);
    expect(drand.chain).toEqual(QUICKNET);
    expect(drand.relays).toEqual(DEFAULT_DRAND_RELAYS);
    expect(drand).toMatchObject({ timeoutMs: 5000, retryMs: 2000, retryMaxMs: 60_000 });
  });

  it('takes several relays and a private chain’s info', () => {
    const other = { ...chainInfoOf(QUICKNET), hash: 'ab'.repeat(32), period: 1 };
    const { drand } = loadConfig({ ...base, FAIRDROP_DRAND_RELAYS: ' http://127.0.0.1:1/ ,https://relay.example', FAIRDROP_DRAND_CHAIN: JSON.stringify(other) });
    expect(drand.relays).toEqual(['http://127.0.0.1:1', 'https://relay.example']);
    expect(drand.chain).toMatchObject({ chainHash: 'ab'.repeat(32), period: 1 });
  });

  it('refuses what it cannot use, saying why', () => {
    expect(() => loadConfig({ ...base, FAIRDROP_DRAND_RELAYS: 'ftp://x' })).toThrow(/FAIRDROP_DRAND_RELAYS.*http/);
    expect(() => loadConfig({ ...base, FAIRDROP_DRAND_RELAYS: ',' })).toThrow(/at least one relay/);
    expect(() => loadConfig({ ...base, FAIRDROP_DRAND_CHAIN: '{"schemeID":"pedersen-bls-chained"}' })).toThrow(/FAIRDROP_DRAND_CHAIN.*schemeID/);
    expect(() => loadConfig({ ...base, FAIRDROP_DRAND_RETRY_MS: '0' })).toThrow(/FAIRDROP_DRAND_RETRY_MS/);
  });
});
