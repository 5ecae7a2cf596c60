/**
 * Issue 9, item 10: Restate request signing between restate-server and the worker endpoint, and
 * merchant secrets sealed at rest. The harness runs restate-server with a request-identity key and the
 * worker with its public key (FAIRDROP_RESTATE_IDENTITY_KEYS), as npm start and docker-compose do.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connect } from 'node:http2';
import { restateServer, registerDeployment, type RestateServer } from '../harness.js';
import { startStack, type Stack } from '../stack.js';

let s: Stack; let stranger: RestateServer;
beforeAll(async () => { s = await startStack(); stranger = await restateServer(); }, 90_000);
afterAll(async () => { await stranger?.dispose(); await s?.dispose(); });

/** An HTTP/2 request straight to the worker endpoint, with no Restate signature. */
function unsigned(url: string, path: string, method = 'GET', body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = connect(url);
    session.on('error', reject);
    const req = session.request({ ':method': method, ':path': path, 'content-type': 'application/vnd.restate.invocation.v1', accept: 'application/vnd.restate.endpointmanifest.v1+json' });
    req.on('response', (h) => { resolve(Number(h[':status'])); req.close(); session.close(); });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Restate request signing', () => {
  it('the worker endpoint refuses unsigned requests (discovery and invocations)', async () => {
    expect(await unsigned(s.fd.endpointUrl, '/discover')).toBe(401);
    expect(await unsigned(s.fd.endpointUrl, '/invoke/merchant/get', 'POST', '')).toBe(401);
  });

  it('a restate-server with another key cannot register the deployment', async () => {
    await expect(registerDeployment(stranger.adminUrl, s.fd.endpointUrl)).rejects.toThrow(/deployment registration failed/);
  });

  it('the signed path works end to end (merchant created through ingress and worker)', async () => {
    const m = await s.client.merchant('Signed shop');
    expect(m.secretKey).toMatch(/^sk_/);
  });
});

describe('merchant secrets at rest', () => {
  it('Restate state holds the shopper-token and webhook secrets sealed, and the secret key only as a hash', async () => {
    const m = await s.client.merchant('Sealed shop');
    // Read the merchant object's state as an operator with ingress access would.
    const res = await fetch(`${s.restate.ingressUrl}/merchant/${m.merchant.id}/get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    const stored = await res.text();
    for (const secret of [m.secretKey, m.shopperTokenSecret, m.webhookSecret]) expect(stored.includes(secret), 'plaintext secret in Restate state').toBe(false);
    expect(JSON.parse(stored)).toMatchObject({ shopperTokenSecret: expect.stringMatching(/^enc1\.s0\./), webhookSecret: expect.stringMatching(/^enc1\.s0\./) });
    // …and the API still verifies shopper tokens signed with the plaintext secret.
    const d = await s.client.drop(m, {}, 60_000, 120_000);
    const me = await s.client.req('GET', `/v1/public/drops/${d.id}/entries/me`, { headers: await s.client.shopperHeaders(m, 'alice') });
    expect(me.status).toBe(200);
  });
});
