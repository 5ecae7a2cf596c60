/**
 * `fairdrop-verify --api URL --drop ID` against a draw the real service made: exit 0; exit 1
 * when a proxy alters one line of the snapshot; exit 2 when there is nothing to verify.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient } from '@fairdrop/sdk';
import { createServerClient, mintShopperToken, unwrap } from '@fairdrop/sdk/server';
import { startService, dropBody, waitFor, freePort, humanSignals, type Service } from './service.js';

const MAIN = fileURLToPath(new URL('../src/cli/verify.main.ts', import.meta.url));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 2) : 0, stdout, stderr });
    });
  });
}

/** Forwards to the API; on the snapshot, adds 1 to the weight of the second line. */
async function tamperingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const upstream = await fetch(target + req.url, { headers: { accept: req.headers.accept ?? '*/*' } });
    let body = await upstream.text();
    if (req.url?.endsWith('/snapshot')) {
      const lines = body.split('\n');
      const e = JSON.parse(lines[1]!);
      lines[1] = JSON.stringify({ ...e, weight: e.weight + 1 });
      body = lines.join('\n');
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(body);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

let svc: Service;
let dropId: string;
let undrawn: string;
let cancelled: string;

beforeAll(async () => {
  svc = await startService();
  const m = await svc.merchant();
  const fairdrop = createServerClient({ secretKey: m.secretKey, baseUrl: svc.apiUrl });
  const drop = unwrap(await fairdrop.drops.create(dropBody({ inventory: 2, backupCount: 2 })));
  undrawn = unwrap(await fairdrop.drops.create(dropBody())).id;
  cancelled = unwrap(await fairdrop.drops.create(dropBody())).id;
  unwrap(await fairdrop.drops.cancel(cancelled));
  dropId = drop.id;
  await waitFor('registration', async () => unwrap(await fairdrop.drops.get(dropId)).phase === 'registration');
  await Promise.all(['ann', 'ben', 'cat', 'dan', 'eve'].map(async (customerId) => {
    const shopper = createPublicClient({ publishableKey: m.publishableKey, baseUrl: svc.apiUrl, shopperToken: await mintShopperToken({ secret: m.shopperTokenSecret, customerId }) });
    unwrap(await shopper.enter(dropId, { tickets: 1, ...humanSignals }));
  }));
  unwrap(await fairdrop.drops.drawNow(dropId));
}, 60_000);
afterAll(async () => { await svc?.dispose(); });

describe('fairdrop-verify --api', () => {
  it('verifies a real draw downloaded from the API (exit 0)', async () => {
    const r = await cli('--api', svc.apiUrl, '--drop', dropId);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^OK: the draw verifies/);
    expect(r.stdout).toContain('entries 5');
    expect(r.code).toBe(0);
  });

  it('fails on a snapshot altered in one line (exit 1)', async () => {
    const proxy = await tamperingProxy(svc.apiUrl);
    try {
      const r = await cli('--api', proxy.url, '--drop', dropId);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^FAILED/);
      expect(r.stdout).toContain('[root_mismatch]');
    } finally {
      await proxy.close();
    }
  });

  it('exits 2 when the drop is not drawn, unknown, or the API is unreachable or missing arguments', async () => {
    const notDrawn = await cli('--api', svc.apiUrl, '--drop', undrawn);
    expect(notDrawn.code).toBe(2);
    expect(notDrawn.stderr).toMatch(/cannot download the draw/);
    expect(notDrawn.stderr).toMatch(/try again after its registration closes/);
    // 18.18: a cancelled drop never gets a draw; the CLI says so instead of "try again later".
    const gone = await cli('--api', svc.apiUrl, '--drop', cancelled);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/was cancelled/);
    expect(gone.stderr).not.toMatch(/try again/);
    expect((await cli('--api', svc.apiUrl, '--drop', 'drp_unknown')).code).toBe(2);
    expect((await cli('--api', 'http://127.0.0.1:9', '--drop', dropId)).code).toBe(2);
    expect((await cli('--api', svc.apiUrl)).code).toBe(2);
  });
});
