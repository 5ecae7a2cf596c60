/**
 * Webhook delivery transport (issue 9, items 2, 3 and 12) against real receivers on 127.0.0.1:
 * non-public destinations are refused before any connection, the connection goes to the address
 * that was checked (one resolution, so DNS rebinding cannot redirect it), TLS still checks the
 * certificate for the URL's name (SNI and Host), and redirects are never followed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { postWebhook, DestinationRefused, type Resolved } from '../../src/durable/webhook-transport.js';
import { freePort } from '../harness.js';

const hits: Array<{ path: string; host: string | undefined; servername?: string | false | null }> = [];
const record = (req: IncomingMessage) => hits.push({ path: req.url ?? '', host: req.headers.host, servername: (req.socket as TLSSocket).servername });
let plain: Server; let plainPort: number; let tls: Server; let tlsPort: number; let ca: Buffer; let dir: string;

beforeAll(async () => {
  plain = createServer((req, res) => {
    record(req);
    req.resume();
    if (req.url === '/redirect-307') return void res.writeHead(307, { location: `http://127.0.0.1:${plainPort}/internal-admin` }).end();
    if (req.url === '/redirect-302') return void res.writeHead(302, { location: `http://127.0.0.1:${plainPort}/internal-admin` }).end();
    res.writeHead(200).end('ok');
  });
  plainPort = await freePort();
  await new Promise<void>((r) => plain.listen(plainPort, '127.0.0.1', r));
  // A certificate for hooks.example.test only: the pinned connection must still present that name.
  dir = mkdtempSync(join(tmpdir(), 'fairdrop-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=hooks.example.test',
    '-addext', 'subjectAltName=DNS:hooks.example.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  ca = readFileSync(join(dir, 'cert.pem'));
  tls = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: ca }, (req, res) => { record(req); req.resume(); res.writeHead(204).end(); });
  tlsPort = await freePort();
  await new Promise<void>((r) => tls.listen(tlsPort, '127.0.0.1', r));
});
afterAll(async () => {
  await Promise.all([plain, tls].map((s) => new Promise((r) => { s?.closeAllConnections(); s?.close(r); })));
  rmSync(dir, { recursive: true, force: true });
});

const resolver = (...answers: Resolved[][]) => {
  const calls: string[] = [];
  return { calls, resolve: async (host: string) => { calls.push(host); return answers[Math.min(calls.length - 1, answers.length - 1)]!; } };
};
const local: Resolved = { address: '127.0.0.1', family: 4 };
const body = JSON.stringify({ id: 'evt_1' });

describe('webhook delivery transport', () => {
  it('refuses a name that resolves to 127.0.0.1 (development mode off): nothing reaches the receiver', async () => {
    const before = hits.length;
    const r = resolver([local]);
    await expect(postWebhook(`https://hooks.example.test:${tlsPort}/x`, body, {}, { allowPrivate: false, resolve: r.resolve, ca })).rejects.toBeInstanceOf(DestinationRefused);
    await expect(postWebhook(`https://[::ffff:7f00:1]:${tlsPort}/x`, body, {}, { allowPrivate: false, ca })).rejects.toBeInstanceOf(DestinationRefused);
    expect(hits.length).toBe(before);
  });

  it('refuses a name when any of its addresses is private (a mixed answer is not a public host)', async () => {
    const r = resolver([{ address: '93.184.215.14', family: 4 }, local]);
    await expect(postWebhook(`https://hooks.example.test:${tlsPort}/x`, body, {}, { allowPrivate: false, resolve: r.resolve })).rejects.toThrow(/non-public/);
  });

  it('resolves once and connects to the checked address, so a rebinding DNS answer is never used', async () => {
    const before = hits.length;
    // First answer public (passes the check); any later lookup would say 127.0.0.1, where the receiver listens.
    // (8.8.8.8 cannot be reached from this machine, so the attempt fails — but not at 127.0.0.1.)
    const rebinding = resolver([{ address: '8.8.8.8', family: 4 }], [local]);
    await expect(postWebhook(`https://hooks.example.test:${tlsPort}/x`, body, {}, { allowPrivate: false, resolve: rebinding.resolve, ca, timeoutMs: 1500 })).rejects.toThrow();
    expect(rebinding.calls).toEqual(['hooks.example.test']); // one resolution only
    expect(hits.length).toBe(before); // the 127.0.0.1 receiver got nothing
  });

  it('keeps SNI, certificate name and Host of the URL while connecting to the pinned address', async () => {
    const r = resolver([local]);
    const res = await postWebhook(`https://hooks.example.test:${tlsPort}/hooks`, body, { 'content-type': 'application/json' }, { allowPrivate: true, resolve: r.resolve, ca });
    expect(res).toMatchObject({ ok: true, status: 204 });
    expect(hits.at(-1)).toEqual({ path: '/hooks', host: `hooks.example.test:${tlsPort}`, servername: 'hooks.example.test' });
  });

  it.each(['/redirect-307', '/redirect-302'])('does not follow a redirect (%s): a failed attempt, the target never called', async (path) => {
    const before = hits.filter((h) => h.path === '/internal-admin').length;
    const res = await postWebhook(`http://127.0.0.1:${plainPort}${path}`, body, {}, { allowPrivate: true });
    expect(res).toEqual({ ok: false, status: Number(path.slice(-3)), location: `http://127.0.0.1:${plainPort}/internal-admin` });
    await new Promise((r) => setTimeout(r, 100));
    expect(hits.filter((h) => h.path === '/internal-admin').length).toBe(before);
  });
});
