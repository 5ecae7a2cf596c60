import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { verifyDrawSync } from '@fairdrop/sdk/draw';
import { restateServer, fairdropProcess, registerDeployment, waitFor, SECRET, ADMIN, type RestateServer, type FairdropProcess } from './harness.js';
import { TestClient, sleep } from './client.js';

let restate: RestateServer; let fd: FairdropProcess; let client: TestClient;

beforeAll(async () => {
  restate = await restateServer();
  fd = await fairdropProcess('all', { RESTATE_INGRESS_URL: restate.ingressUrl, FAIRDROP_SERVER_SECRET: SECRET, FAIRDROP_ADMIN_TOKEN: ADMIN, FAIRDROP_LEDGER_SHARDS: '4', FAIRDROP_RATE_BURST: '1000', FAIRDROP_RATE_PER_SECOND: '1000', FAIRDROP_RESTATE_IDENTITY_KEYS: restate.identityKey });
  await registerDeployment(restate.adminUrl, fd.endpointUrl);
  client = new TestClient(fd.apiUrl);
}, 60_000);
afterAll(async () => { await fd?.stop(); await restate?.dispose(); });

describe('smoke', () => {
  it('runs a drop end to end', async () => {
    const m = await client.merchant();
    const drop = await client.drop(m, {}, 0, 3000);
    await waitFor('open', async () => (await client.req('GET', `/v1/public/drops/${drop.id}`, { headers: { 'fairdrop-key': m.publishableKey } })).body.phase === 'registration');
    const regs = await Promise.all(['a', 'b', 'c'].map((c) => client.register(m, drop.id, c)));
    for (const r of regs) expect(r.status, JSON.stringify(r.body)).toBe(201);
    await waitFor('draw', async () => (await client.req('GET', `/v1/public/drops/${drop.id}/record`)).status === 200, 20_000);
    const rec = await client.req('GET', `/v1/public/drops/${drop.id}/record`);
    const snap = await client.req('GET', `/v1/public/drops/${drop.id}/snapshot`);
    const entries = String(snap.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(verifyDrawSync(rec.body, entries).ok).toBe(true);
    expect(rec.body.winners).toHaveLength(2);
    await sleep(10);
  });
});
