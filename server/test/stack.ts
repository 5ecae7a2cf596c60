/**
 * Shared setup for the integration files: a restate-server plus Fairdrop process(es), and the
 * small helpers the scenarios share (headers, phase waits, webhook sink, SSE streams).
 * NATS is used when NATS_URL is set (the child processes inherit it), else the in-process bus.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { restateServer, fairdropProcess, registerDeployment, waitFor, freePort, SECRET, ADMIN, type RestateServer, type FairdropProcess } from './harness.js';
import { TestClient, type Merchant } from './client.js';
import { checkResponse, checkStreamEvent, checkWebhookEvent } from './contract.js';
import { EventReader, type SseEvent } from './sse/helpers.js';

export const baseEnv = (restate: RestateServer, extra: Record<string, string> = {}): Record<string, string> => ({
  RESTATE_INGRESS_URL: restate.ingressUrl, FAIRDROP_SERVER_SECRET: SECRET, FAIRDROP_ADMIN_TOKEN: ADMIN,
  FAIRDROP_LEDGER_SHARDS: '4', FAIRDROP_RATE_BURST: '10000', FAIRDROP_RATE_PER_SECOND: '10000', FAIRDROP_RESTATE_IDENTITY_KEYS: restate.identityKey,
  FAIRDROP_MERCHANT_RATE_BURST: '100000', FAIRDROP_MERCHANT_RATE_PER_SECOND: '100000', FAIRDROP_AUTH_FAILURE_BURST: '100000', ...extra,
});

export interface Stack { restate: RestateServer; fd: FairdropProcess; client: TestClient; dispose(): Promise<void> }

/** One restate-server and one all-in-one Fairdrop process, deployment registered. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const restate = await restateServer();
  let fd: FairdropProcess | undefined;
  try {
    fd = await fairdropProcess('all', baseEnv(restate, env));
    await registerDeployment(restate.adminUrl, fd.endpointUrl);
  } catch (e) {
    await fd?.stop();
    await restate.dispose();
    throw e;
  }
  return { restate, fd, client: new TestClient(fd.apiUrl), async dispose() { await fd!.stop(); await restate.dispose(); } };
}

export const pk = (m: Merchant) => ({ 'fairdrop-key': m.publishableKey });
export const sk = (m: Merchant) => ({ authorization: `Bearer ${m.secretKey}` });

export async function publicDrop(client: TestClient, m: Merchant, dropId: string): Promise<any> {
  const r = await client.req('GET', `/v1/public/drops/${dropId}`, { headers: pk(m) });
  if (r.status !== 200) throw new Error(`public drop: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function waitPhase(client: TestClient, m: Merchant, dropId: string, phase: string, timeoutMs = 20_000): Promise<any> {
  let last: any;
  await waitFor(`phase ${phase} (last: ${last?.phase})`, async () => (last = await publicDrop(client, m, dropId)).phase === phase, timeoutMs, 100);
  return last;
}

/** A drop whose registration is open now and closes in `closeInMs` (waits until it is open). */
export async function openDrop(client: TestClient, m: Merchant, over: Record<string, unknown> = {}, closeInMs = 60_000): Promise<any> {
  const d = await client.drop(m, over, 0, closeInMs);
  await waitPhase(client, m, d.id, 'registration', 10_000);
  return d;
}

export async function drawNow(client: TestClient, m: Merchant, dropId: string): Promise<any> {
  const r = await client.req('POST', `/v1/drops/${dropId}/draw`, { headers: sk(m) });
  if (r.status !== 200) throw new Error(`draw: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Register and insist on 201. */
export async function enter(client: TestClient, m: Merchant, dropId: string, customer: string, extra: Record<string, unknown> = {}): Promise<any> {
  const r = await client.register(m, dropId, customer, extra);
  if (r.status !== 201) throw new Error(`register ${customer}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface Delivery { headers: IncomingHttpHeaders; raw: string; event: any }

/**
 * A local webhook receiver on 127.0.0.1 that records every POST it acknowledges; it answers 500
 * to the first `failFirst` deliveries of each event id (counted in `refused`). Bodies that break
 * the contract's WebhookEvent are listed in `contractErrors`.
 */
export async function webhookSink(failFirst = 0): Promise<{ url: string; got: Delivery[]; refused: Map<string, number>; contractErrors: string[]; close(): Promise<void> }> {
  const got: Delivery[] = [];
  const contractErrors: string[] = [];
  const refused = new Map<string, number>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => { raw += d; });
    req.on('end', () => {
      let event: any;
      try { event = JSON.parse(raw); } catch { return void res.writeHead(400).end(); }
      const n = refused.get(event.id) ?? 0;
      if (n < failFirst) { refused.set(event.id, n + 1); return void res.writeHead(500).end(); }
      try { checkWebhookEvent(event); } catch (e) { contractErrors.push(String(e)); }
      got.push({ headers: req.headers, raw, event });
      res.writeHead(200).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/hooks`, got, refused, contractErrors, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** Verify `Fairdrop-Signature: t=…,v1=…` = HMAC-SHA256(secret, "t.body"), within a tolerance. */
export function signatureValid(d: Delivery, secret: string, toleranceS = 300): boolean {
  const header = String(d.headers['fairdrop-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${d.raw}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface Stream { status: number; reader: EventReader; next(event: string, timeoutMs?: number): Promise<SseEvent>; close(): Promise<void> }

/**
 * Open an SSE stream; every event's data is checked against the contract's StreamEvent, and a
 * refusal must be a documented problem document.
 */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (res.status !== 200) {
    const text = await res.text();
    checkResponse('GET', url, res.status, res.headers.get('content-type') ?? '', text ? JSON.parse(text) : text);
    throw Object.assign(new Error(`stream refused: ${res.status} ${text}`), { status: res.status, body: text });
  }
  const reader = new EventReader(res);
  return {
    status: res.status, reader,
    async next(event, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const ev = await reader.next(Math.max(1, end - Date.now()));
        if (ev.json) checkStreamEvent(ev.json);
        if (ev.event === event) return ev;
      }
    },
    async close() { await reader.close(); abort.abort(); },
  };
}

export { waitFor, SECRET, ADMIN };
