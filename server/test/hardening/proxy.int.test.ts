/**
 * Issue 9, item 1: behind a proxy that appends to X-Forwarded-For (as the shipped gateway does with
 * nginx's $proxy_add_x_forwarded_for), made-up X-Forwarded-For values must not buy a fresh rate-limit
 * bucket or a fresh PoW difficulty. A small Node proxy in the test appends the peer address, exactly
 * like the gateway; the API trusts one hop (FAIRDROP_TRUST_PROXY=1).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import { fairdropProcess, freePort, type FairdropProcess } from '../harness.js';
import { TestClient, type Merchant } from '../client.js';
import { startStack, baseEnv, openDrop, type Stack } from '../stack.js';

let s: Stack; let api: FairdropProcess; let proxy: Server; let proxyUrl: string; let m: Merchant; let drop: any;

/** An appending reverse proxy: X-Forwarded-For becomes "<what the client sent>, <client's address>". */
async function appendingProxy(target: string): Promise<{ server: Server; url: string }> {
  const t = new URL(target);
  const server = createServer((req, res) => {
    const sent = req.headers['x-forwarded-for'];
    const xff = `${sent ? `${String(sent)}, ` : ''}${req.socket.remoteAddress}`;
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': xff } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  s = await startStack();
  api = await fairdropProcess('api', baseEnv(s.restate, { FAIRDROP_TRUST_PROXY: '1', FAIRDROP_RATE_BURST: '20', FAIRDROP_RATE_PER_SECOND: '1' }));
  ({ server: proxy, url: proxyUrl } = await appendingProxy(api.apiUrl));
  m = await s.client.merchant();
  drop = await openDrop(s.client, m, { powDifficulty: 4 });
}, 90_000);
afterAll(async () => { proxy?.closeAllConnections(); await new Promise((r) => proxy?.close(r)); await api?.stop(); await s?.dispose(); });

describe('client address behind an appending proxy', () => {
  it('30 challenges with made-up X-Forwarded-For values hit the rate limit, and the difficulty rises', async () => {
    const client = new TestClient(proxyUrl);
    const h = await client.shopperHeaders(m, 'spoofer');
    const answers = [];
    for (let i = 0; i < 30; i++) {
      answers.push(await client.req('POST', `/v1/public/drops/${drop.id}/challenge`, { headers: { ...h, 'x-forwarded-for': `203.0.113.${i + 1}, 198.51.100.${i + 1}` } }));
    }
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 429).length, statuses.join(',')).toBeGreaterThan(0);
    // The burst of 20 (plus what refilled meanwhile, 1/s), then refused: one bucket for one client.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(20);
    expect(statuses.indexOf(429)).toBeLessThan(26);
    const difficulties = answers.filter((a) => a.status === 200).map((a) => a.body.difficulty as number);
    expect(difficulties.at(-1)!).toBeGreaterThan(difficulties[0]!);
  });
});
