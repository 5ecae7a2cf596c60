/**
 * Durability across restarts, with split roles (API and worker in separate processes): while a
 * drop's close timer is pending, the worker and then the restate-server are stopped and started
 * again. Every acknowledged registration must be in the draw, and the timer must still fire; so
 * must the purchase-window timers across a second restart of both.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { verifyDrawSync } from '@fairdrop/sdk/draw';
import { restateServer, fairdropProcess, registerDeployment, type RestateServer, type FairdropProcess } from './harness.js';
import { TestClient } from './client.js';
import { baseEnv, enter, waitPhase, waitFor } from './stack.js';

let restate: RestateServer; let worker: FairdropProcess; let api: FairdropProcess; let client: TestClient;

beforeAll(async () => {
  restate = await restateServer();
  [worker, api] = await Promise.all([fairdropProcess('worker', baseEnv(restate)), fairdropProcess('api', baseEnv(restate))]);
  await registerDeployment(restate.adminUrl, worker.endpointUrl);
  client = new TestClient(api.apiUrl);
}, 90_000);
afterAll(async () => { await api?.stop(); await worker?.stop(); await restate?.dispose(); });

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('restarts mid-drop', () => {
  it('loses no acknowledged registration and still fires the close timer', async () => {
    const m = await client.merchant();
    const closeInMs = 15_000;
    const d = await client.drop(m, { inventory: 3, backupCount: 2, purchaseWindowSeconds: 5 }, 0, closeInMs);
    const closesAt = Date.parse(d.closesAt);
    await waitPhase(client, m, d.id, 'registration');
    const acked: string[] = [];
    const ack = (r: any) => { acked.push(r.entryId); return r; };

    // 1. Registered before anything restarts.
    await Promise.all(names('before', 8).map((c) => enter(client, m, d.id, c).then(ack)));

    // 2. The worker goes down; registrations sent meanwhile wait in Restate and complete once it is back.
    await worker.stop();
    const during = Promise.all(names('during', 6).map((c) => enter(client, m, d.id, c).then(ack)));
    await worker.start();
    await during;

    // 3. The restate-server itself restarts on the same data.
    await restate.stop();
    await restate.start();
    await waitFor('ingress serves calls again', async () => (await client.req('GET', '/v1/merchant', { headers: { authorization: `Bearer ${m.secretKey}` } })).status === 200, 30_000, 250);
    await Promise.all(names('after', 6).map((c) => enter(client, m, d.id, c).then(ack)));
    console.log(`restart: worker and restate restarted, 20 entries acknowledged, ${closesAt - Date.now()} ms before the close timer`);
    expect(Date.now(), 'the restarts took longer than the registration window; raise closeInMs').toBeLessThan(closesAt);

    // 4. Nobody calls draw: the close timer set before the restarts fires, and the draw runs once.
    await waitFor('draw record', async () => (await client.req('GET', `/v1/public/drops/${d.id}/record`)).status === 200, closesAt - Date.now() + 30_000, 250);
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
    const record = (await client.req('GET', `/v1/public/drops/${d.id}/record`)).body;
    const snap = await client.req('GET', `/v1/public/drops/${d.id}/snapshot`);
    const entries = String(snap.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(acked).toHaveLength(20);
    expect(entries.map((e) => e.entryId).sort()).toEqual([...acked].sort());
    expect(record.entryCount).toBe(20);
    expect(verifyDrawSync(record, entries).ok).toBe(true);
    expect(record.winners).toHaveLength(3);

    // 5. Both go down together while the winners' purchase-window timers are pending. Nobody buys:
    //    the windows still expire, both backups are promoted, their windows expire, the drop completes.
    await worker.stop();
    await restate.stop();
    await restate.start();
    await worker.start();
    await waitPhase(client, m, d.id, 'completed', 40_000);
    const done = (await client.req('GET', `/v1/public/drops/${d.id}`, { headers: { 'fairdrop-key': m.publishableKey } })).body;
    expect(done.draw).toMatchObject({ backupsPromoted: 2, winners: 3 });
    expect(done.counts.purchased).toBe(0);
  }, 150_000);
});
