/**
 * The drand beacon end to end (DRAW-SPEC §4.1), against drand-compatible relays run here with
 * their own key: the round is fixed at creation, the draw waits for it on a durable timer (also
 * across a worker restart), a wrong signature and a relay that is down are passed over, and with
 * no relay answering the drop stays closed, saying so, until one does.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { beaconRoundFor, beaconSourceOf, verifyDrawSync, verifyRound } from '@fairdrop/sdk/draw';
import { startStack, sk, enter, waitPhase, waitFor, publicDrop, openStream, type Stack } from './stack.js';
import { drandEnv, drandRelay, testSigner, type TestRelay } from './drand-relay.js';
import { freePort } from './harness.js';

const signer = testSigner(1);
let s: Stack; let wrong: TestRelay; let good: TestRelay; let downUrl: string;

beforeAll(async () => {
  [wrong, good] = await Promise.all([drandRelay(signer, 'wrong'), drandRelay(signer, 'ok')]);
  downUrl = `http://127.0.0.1:${await freePort()}`; // nothing listens there
  s = await startStack(drandEnv(signer, [wrong.url, downUrl, good.url]));
}, 90_000);
afterAll(async () => { await s?.dispose(); await wrong?.stop(); await good?.stop(); });

const snapshot = async (dropId: string, m: any) => {
  const r = await fetch(`${s.fd.apiUrl}/v1/public/drops/${dropId}/snapshot`);
  return (await r.text()).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
};
const record = async (dropId: string, m: any) => (await s.client.req('GET', `/v1/public/drops/${dropId}/record`)).body;

describe('drand beacon', () => {
  it('is the default: a new drop commits to the first round after its close, published with the commitment', async () => {
    const m = await s.client.merchant();
    const d = await s.client.drop(m, { beacon: undefined }, 0, 30_000);
    expect(d.beaconSource).toBe(beaconSourceOf(signer.chain));
    expect(d.beaconRound).toBe(beaconRoundFor(signer.chain, Date.parse(d.closesAt)));
    expect(d.beacon).toMatchObject({ round: d.beaconRound, state: 'scheduled', attempts: 0 });
    expect((await publicDrop(s.client, m, d.id)).beaconRound).toBe(d.beaconRound);
    const none = await s.client.drop(m, { beacon: 'none' }, 0, 30_000);
    expect(none.beaconSource).toBeNull();
    expect(none.beacon).toBeUndefined();
  });

  it('waits for the round, refuses the wrong signature and the relay that is down, draws with the one that verifies', async () => {
    const m = await s.client.merchant();
    const d = await s.client.drop(m, { beacon: 'drand', inventory: 2, backupCount: 1 }, 0, 3000);
    await waitPhase(s.client, m, d.id, 'registration');
    for (const c of ['alice', 'bob', 'carol', 'dave']) await enter(s.client, m, d.id, c);
    const early = await s.client.req('POST', `/v1/drops/${d.id}/draw`, { headers: sk(m) });
    expect(early.status).toBe(202);
    expect(early.body).toMatchObject({ phase: 'closed', beaconRound: d.beaconRound, beacon: { state: 'waiting' } });
    const wrongBefore = wrong.served;
    const drawn = await waitPhase(s.client, m, d.id, 'purchase', 20_000);
    expect(drawn.beacon).toMatchObject({ state: 'received' });
    const rec = await record(d.id, m);
    expect(rec).toMatchObject({ beaconSource: beaconSourceOf(signer.chain), beaconRound: d.beaconRound, closesAt: d.closesAt });
    expect(rec.beaconSignature).toBe(signer.sign(d.beaconRound));
    expect(verifyRound(signer.chain, rec.beaconRound, rec.beaconSignature)).toEqual({ ok: true, randomness: rec.beacon });
    expect(wrong.served).toBeGreaterThan(wrongBefore); // asked, and refused
    expect(verifyDrawSync(rec, await snapshot(d.id, m), { chains: [signer.chain] })).toMatchObject({ ok: true, problems: [] });
    // Quicknet alone (the default) does not know this chain: named, not silently passed.
    expect(verifyDrawSync(rec, await snapshot(d.id, m)).problems.map((p) => p.code)).toEqual(['unknown_beacon_source']);
  });

  it('with no relay answering, stays closed and says so on the API and SSE, retrying with backoff, until a relay is back', async () => {
    const m = await s.client.merchant();
    const d = await s.client.drop(m, { beacon: 'drand', inventory: 1 }, 0, 2000);
    await waitPhase(s.client, m, d.id, 'registration');
    await enter(s.client, m, d.id, 'erin');
    const stream = await openStream(`${s.fd.sseUrl}/v1/public/drops/${d.id}/events?key=${m.publishableKey}`);
    await good.stop();
    try {
      let last: any;
      await waitFor('three failed attempts', async () => ((last = await publicDrop(s.client, m, d.id)).beacon?.attempts ?? 0) >= 3, 20_000);
      expect(last).toMatchObject({ phase: 'closed', beacon: { state: 'retrying', round: d.beaconRound } });
      expect(last.beacon.lastError).toMatch(/refused, the signature does not verify/);
      expect(last.beacon.lastError).toMatch(new RegExp(`${downUrl}: (fetch failed|timed out)`));
      expect(Date.parse(last.beacon.nextAttemptAt)).toBeGreaterThan(Date.parse(last.serverTime) - 1000);
      for (;;) {
        const ev = await stream.next('drop', 10_000);
        if (ev.json?.drop?.beacon?.state === 'retrying') break;
      }
      expect((await record(d.id, m)).code).toBe('not_drawn');
    } finally {
      await good.start();
    }
    await waitPhase(s.client, m, d.id, 'purchase', 20_000);
    await stream.close();
    expect(verifyDrawSync(await record(d.id, m), await snapshot(d.id, m), { chains: [signer.chain] }).ok).toBe(true);
  });

  it('lets the merchant cancel while waiting for the beacon', async () => {
    const m = await s.client.merchant();
    const d = await s.client.drop(m, { beacon: 'drand' }, 0, 8000);
    await waitPhase(s.client, m, d.id, 'registration');
    expect((await s.client.req('POST', `/v1/drops/${d.id}/draw`, { headers: sk(m) })).status).toBe(202);
    const c = await s.client.req('POST', `/v1/drops/${d.id}/cancel`, { headers: sk(m) });
    expect(c.status).toBe(200);
    expect(c.body.phase).toBe('cancelled');
  });

  it('survives a worker restart while waiting: the durable timer still fires and the draw verifies', async () => {
    const m = await s.client.merchant();
    const d = await s.client.drop(m, { beacon: 'drand', inventory: 1 }, 0, 5000);
    await waitPhase(s.client, m, d.id, 'registration');
    await enter(s.client, m, d.id, 'frank');
    expect((await s.client.req('POST', `/v1/drops/${d.id}/draw`, { headers: sk(m) })).status).toBe(202);
    await s.fd.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await s.fd.start();
    const drawn = await waitPhase(s.client, m, d.id, 'purchase', 30_000);
    expect(drawn.beacon.state).toBe('received');
    expect(verifyDrawSync(await record(d.id, m), await snapshot(d.id, m), { chains: [signer.chain] }).ok).toBe(true);
  });
});
