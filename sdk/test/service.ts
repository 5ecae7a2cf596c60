/**
 * One real Fairdrop (restate-server from npm + the all-in-one role) for the SDK's integration
 * tests, started with the server's own harness, plus a merchant made through the SDK.
 */
import { createServer, type Server } from 'node:http';
import { restateServer, fairdropProcess, registerDeployment, freePort, waitFor, SECRET, ADMIN, type RestateServer, type FairdropProcess } from '../../server/test/harness.js';
import { createAdminClient, unwrap, type MerchantCredentials } from '@fairdrop/sdk/server';

export { waitFor, freePort };

export interface Service { restate: RestateServer; fd: FairdropProcess; apiUrl: string; sseUrl: string; merchant(name?: string): Promise<MerchantCredentials>; dispose(): Promise<void> }

export async function startService(extraEnv: Record<string, string> = {}): Promise<Service> {
  const restate = await restateServer();
  let fd: FairdropProcess | undefined;
  try {
    fd = await fairdropProcess('all', {
      RESTATE_INGRESS_URL: restate.ingressUrl, FAIRDROP_SERVER_SECRET: SECRET, FAIRDROP_ADMIN_TOKEN: ADMIN,
      FAIRDROP_LEDGER_SHARDS: '4', FAIRDROP_RATE_BURST: '10000', FAIRDROP_RATE_PER_SECOND: '10000', FAIRDROP_RESTATE_IDENTITY_KEYS: restate.identityKey, FAIRDROP_MERCHANT_RATE_BURST: '100000', FAIRDROP_AUTH_FAILURE_BURST: '100000', ...extraEnv,
    });
    await registerDeployment(restate.adminUrl, fd.endpointUrl);
  } catch (e) {
    await fd?.stop();
    await restate.dispose();
    throw e;
  }
  const admin = createAdminClient({ operatorToken: ADMIN, baseUrl: fd.apiUrl });
  return {
    restate, fd, apiUrl: fd.apiUrl, sseUrl: fd.sseUrl,
    merchant: async (name = 'SDK test shop') => unwrap(await admin.merchants.create({ name, allowedOrigins: [] })),
    async dispose() { await fd!.stop(); await restate.dispose(); },
  };
}

export interface Hook { raw: string; signature: string | undefined }

/** A local webhook receiver that keeps raw bodies (what signature checks need). */
export async function webhookSink(): Promise<{ url: string; got: Hook[]; close(): Promise<void> }> {
  const got: Hook[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { raw += d; });
    req.on('end', () => { got.push({ raw, signature: req.headers['fairdrop-signature'] as string | undefined }); res.writeHead(200).end(); });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/hooks`, got, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** A drop open now, closing in `closeInMs`; waits until registration is open. */
export function dropBody(over: Record<string, unknown> = {}, closeInMs = 60_000) {
  const now = Date.now();
  // beacon 'none' draws at the close; drops with a drand beacon are tested in server/test/beacon.int.test.ts.
  return { name: 'SDK drop', inventory: 2, beacon: 'none' as const, opensAt: new Date(now).toISOString(), closesAt: new Date(now + closeInMs).toISOString(), powDifficulty: 4, maxTickets: 5, purchaseWindowSeconds: 60, ...over };
}

/** Signals a person's browser would send (the bot check passes with them). */
export const humanSignals = {
  signals: { dwellMs: 4200, pointerEvents: 12, keyEvents: 3, focusChanges: 2, webdriver: false },
  fingerprint: { visitorId: 'vis_sdk_test_123456', components: { platform: 'Linux', timezone: 'Europe/Berlin', screen: '1920x1080', languages: 'en', cores: 8, userAgent: 'Mozilla/5.0' } },
};
