/**
 * Integration harness: a real restate-server from npm (free ports, temp data dir) and Fairdrop
 * roles as child processes, so tests can restart either. Only processes started here are stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { identityKeyOf } from '../src/core/request-identity.js';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const serverDir = join(here, '..');
const restateBin = join(serverDir, '..', 'node_modules', '.bin', 'restate-server');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try { if (await check()) return; } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const okFetch = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(t); resolve(); });
    child.kill(signal);
  });
}

export interface RestateServer { ingressUrl: string; adminUrl: string; /** The `publickeyv1_…` key it signs requests with (request identity). */ identityKey: string; start(): Promise<void>; stop(): Promise<void>; dispose(): Promise<void> }

/**
 * A restate-server with its own ports and data dir; `stop()`/`start()` restart it on the same data.
 * It signs its requests to deployments with its own Ed25519 request-identity key, as in production.
 */
export async function restateServer(): Promise<RestateServer> {
  const baseDir = mkdtempSync(join(tmpdir(), 'fairdrop-restate-'));
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  writeFileSync(join(baseDir, 'identity.pem'), pem, { mode: 0o600 });
  const [ingress, admin, node] = [await freePort(), await freePort(), await freePort()];
  let child: ChildProcess | null = null;
  const srv: RestateServer = {
    ingressUrl: `http://127.0.0.1:${ingress}`,
    adminUrl: `http://127.0.0.1:${admin}`,
    identityKey: identityKeyOf(pem),
    async start() {
      child = spawn(restateBin, ['--base-dir', baseDir], {
        env: { ...process.env, RESTATE_INGRESS__BIND_ADDRESS: `127.0.0.1:${ingress}`, RESTATE_ADMIN__BIND_ADDRESS: `127.0.0.1:${admin}`,
          RESTATE_BIND_ADDRESS: `127.0.0.1:${node}`, RESTATE_DEFAULT_NUM_PARTITIONS: '4',
          RESTATE_WORKER__INVOKER__REQUEST_IDENTITY_PRIVATE_KEY_PEM_FILE: join(baseDir, 'identity.pem'), RESTATE_LOG_FILTER: 'warn', RESTATE_LOG_FORMAT: 'compact' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.resume();
      await waitFor('restate admin', () => okFetch(`${srv.adminUrl}/health`));
      await waitFor('restate ingress', () => okFetch(`${srv.ingressUrl}/restate/health`));
    },
    async stop() { if (child) await stopChild(child); child = null; },
    async dispose() { await srv.stop(); rmSync(baseDir, { recursive: true, force: true }); },
  };
  await srv.start();
  return srv;
}

export async function registerDeployment(adminUrl: string, endpointUrl: string): Promise<void> {
  const res = await fetch(`${adminUrl}/deployments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uri: endpointUrl, force: true }) });
  if (!res.ok) throw new Error(`deployment registration failed: ${res.status} ${await res.text()}`);
}

export interface FairdropProcess { apiUrl: string; sseUrl: string; endpointUrl: string; env: Record<string, string>; start(): Promise<void>; stop(signal?: NodeJS.Signals): Promise<void>; output(): string }

/** A Fairdrop process (role all|api|sse|worker) run by tsx, on free ports. */
export async function fairdropProcess(role: string, env: Record<string, string>): Promise<FairdropProcess> {
  const [api, sse, endpoint] = [await freePort(), await freePort(), await freePort()];
  let child: ChildProcess | null = null;
  let out = '';
  // Tests receive webhooks on 127.0.0.1, so private destinations are allowed unless a test says otherwise.
  const fullEnv = { ...process.env, FAIRDROP_ROLE: role, API_PORT: String(api), SSE_PORT: String(sse), RESTATE_ENDPOINT_PORT: String(endpoint), FAIRDROP_WEBHOOK_ALLOW_PRIVATE: 'true', ...env };
  const p: FairdropProcess = {
    apiUrl: `http://127.0.0.1:${api}`, sseUrl: `http://127.0.0.1:${sse}`, endpointUrl: `http://127.0.0.1:${endpoint}`, env: fullEnv as Record<string, string>,
    async start() {
      child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (d) => { out += d; });
      child.stderr?.on('data', (d) => { out += d; });
      await waitFor(`fairdrop ${role}`, async () => out.includes('fairdrop started'), 30_000);
    },
    async stop(signal) { if (child) await stopChild(child, signal); child = null; },
    output: () => out,
  };
  await p.start();
  return p;
}

export const SECRET = 'test-server-secret-0123456789abcdef0123456789';
export const ADMIN = 'test-admin-token';
