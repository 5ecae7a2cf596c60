/** fetchRound against drand-compatible relays run here: only a signature that verifies is ever returned. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundAt, verifyRound } from '@fairdrop/sdk/draw';
import { fetchRound } from '../src/durable/drand-relays.js';
import { drandRelay, testSigner, type TestRelay } from './drand-relay.js';
import { freePort } from './harness.js';

const signer = testSigner(1);
let good: TestRelay; let wrong: TestRelay; let down: string;
beforeAll(async () => { [good, wrong] = await Promise.all([drandRelay(signer), drandRelay(signer, 'wrong')]); down = `http://127.0.0.1:${await freePort()}`; });
afterAll(async () => { await good.stop(); await wrong.stop(); });
const produced = () => roundAt(signer.chain, Date.now() / 1000) - 1;

describe('fetchRound', () => {
  it('passes over a wrong signature and a relay that is down, and returns the one that verifies', async () => {
    const round = produced();
    const r = await fetchRound(signer.chain, round, [wrong.url, down, good.url], fetch, 2000);
    expect(r).toMatchObject({ ok: true, relay: good.url, signature: signer.sign(round) });
    expect(r.ok && verifyRound(signer.chain, round, r.signature).ok).toBe(true);
  });

  it('returns no value at all when no relay serves a valid one, with a reason per relay', async () => {
    const r = await fetchRound(signer.chain, produced(), [wrong.url, down], fetch, 2000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(new RegExp(`${wrong.url}: refused, the signature does not verify`));
    expect(!r.ok && r.error).toMatch(new RegExp(`${down}: `));
  });

  it('says a future round is not produced yet', async () => {
    const r = await fetchRound(signer.chain, produced() + 100, [good.url], fetch, 2000);
    expect(!r.ok && r.error).toMatch(/HTTP 425 \(round not produced yet\?\)/);
  });
});
