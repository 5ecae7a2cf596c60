/**
 * `npm start`: one command for a newcomer. Starts the Restate server from npm (data in
 * ./.fairdrop), Fairdrop with every role in this process, registers the deployment, creates a
 * demo merchant and a drop open for registration, serves the storefront example, and prints a
 * banner. Ctrl-C stops everything it started; a restart keeps the data and the demo keys.
 */
import './durable/shim.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { identityKeyOf } from './core/request-identity.js';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { start } from './main.js';
import { serveStorefront } from './storefront.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.env.FAIRDROP_DATA_DIR ?? join(root, '.fairdrop');
const env = process.env;
const ports = { ingress: Number(env.RESTATE_INGRESS_PORT ?? 8080), admin: Number(env.RESTATE_ADMIN_PORT ?? 9070), node: Number(env.RESTATE_NODE_PORT ?? 5122), storefront: Number(env.STOREFRONT_PORT ?? 3005) };
const ingressUrl = `http://127.0.0.1:${ports.ingress}`;
const adminUrl = `http://127.0.0.1:${ports.admin}`;

function persisted(name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

async function waitOk(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try { if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not become ready`);
}

/** Restate signs its requests to the worker with this key (request identity); the worker accepts only them. */
function startRestate(identityPem: string): ChildProcess {
  const bin = join(root, 'node_modules', '.bin', 'restate-server');
  const child = spawn(bin, ['--base-dir', join(dataDir, 'restate')], {
    env: { ...env, RESTATE_INGRESS__BIND_ADDRESS: `127.0.0.1:${ports.ingress}`, RESTATE_ADMIN__BIND_ADDRESS: `127.0.0.1:${ports.admin}`, RESTATE_BIND_ADDRESS: `127.0.0.1:${ports.node}`, RESTATE_LOG_FILTER: env.RESTATE_LOG_FILTER ?? 'warn,octocrab=off',
      RESTATE_WORKER__INVOKER__REQUEST_IDENTITY_PRIVATE_KEY_PEM_FILE: identityPem },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.once('exit', (code, signal) => { if (!stopping) { console.error(`restate-server exited (${code ?? signal}); stopping.`); process.exit(1); } });
  return child;
}

/** Build a workspace's bundle on the first start (the widget and the verify page are served by the API). */
function ensureBuilt(workspace: string, output: string, what: string): void {
  if (existsSync(join(root, output))) return;
  console.log(`Building ${what} (first start only)…`);
  const r = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} build failed`);
}

let stopping = false;
mkdirSync(dataDir, { recursive: true });
const serverSecret = persisted('server-secret', () => randomBytes(32).toString('hex'));
const adminToken = persisted('admin-token', () => `adm_${randomBytes(18).toString('hex')}`);
persisted('restate-identity.pem', () => (generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).trim());
const identityPem = join(dataDir, 'restate-identity.pem');
ensureBuilt('@fairdrop/widget', 'widget/dist/fair-drop.js', 'the widget');
ensureBuilt('@fairdrop/verify-page', 'verify/dist/index.html', 'the verify page');
const restate = startRestate(identityPem);
await waitOk(`${adminUrl}/health`);
await waitOk(`${ingressUrl}/restate/health`);
// A local demo receives webhooks on localhost (examples/merchant-node), so private destinations are allowed here.
const config = loadConfig({ FAIRDROP_WEBHOOK_ALLOW_PRIVATE: 'true', ...env, FAIRDROP_SERVER_SECRET: env.FAIRDROP_SERVER_SECRET ?? serverSecret, FAIRDROP_ADMIN_TOKEN: env.FAIRDROP_ADMIN_TOKEN ?? adminToken, RESTATE_INGRESS_URL: ingressUrl, FAIRDROP_RESTATE_IDENTITY_KEYS: identityKeyOf(readFileSync(identityPem, 'utf8')) }, 'all');
const fairdrop = await start(config);
const reg = await fetch(`${adminUrl}/deployments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uri: `http://127.0.0.1:${config.endpointPort}`, force: true }) });
if (!reg.ok) throw new Error(`could not register the deployment: ${reg.status} ${await reg.text()}`);

const { demo } = await import('./demo.js');
const { fetchRound } = await import('./durable/drand-relays.js');
// The demo drop commits to a drand round only when a relay answers from here (a machine without internet would wait for ever).
const drandReachable = (await fetchRound(config.drand.chain, 1, config.drand.relays, fetch, 3000)).ok;
const urls = { api: `http://127.0.0.1:${config.apiPort}`, sse: `http://127.0.0.1:${config.ssePort}`, storefront: `http://127.0.0.1:${ports.storefront}` };
const d = await demo({ apiUrl: urls.api, adminToken: config.adminToken, dataDir, storefrontOrigin: urls.storefront, openMinutes: Number(env.DEMO_DROP_MINUTES ?? 5), beacon: drandReachable ? 'drand' : 'none' });
const storefrontUrl = `${urls.storefront}/`;
const { loadWidgetBundle, embedTag } = await import('./http/widget-bundle.js');
const widget = loadWidgetBundle(join(root, 'widget'));
const left = Math.max(0, Math.round((Date.parse(d.closesAt) - Date.now()) / 60_000));
const storefront = await serveStorefront({ port: ports.storefront, root, demo: d, apiUrl: urls.api, sseUrl: urls.sse });

console.log(`
  Fairdrop is running.
  ─────────────────────────────────────────────────────────────────────────
  Storefront   ${storefrontUrl}   (the demo drop; ?drop=…&key=… for another)
  API          ${urls.api}   (GET /health; contract: openapi.yaml)
  Widget       ${widget ? `${urls.api}/v1/widget/${widget.version}/fair-drop.js   integrity ${widget.integrity}` : 'not built'}
  SSE          ${urls.sse}/v1/public/drops/${d.dropId}/events?key=${d.publishableKey}
  Restate      ingress ${ingressUrl}   admin ${adminUrl}   endpoint http://127.0.0.1:${config.endpointPort}
  Bus          ${config.natsUrl ? `NATS ${config.natsUrl}` : 'in-process (set NATS_URL to use NATS)'}
  Data         ${dataDir}

  Demo merchant ${d.merchantId}
    secret key        ${d.secretKey}
    publishable key   ${d.publishableKey}
    shopper secret    ${d.shopperTokenSecret}
    webhook secret    ${d.webhookSecret}
  Demo drop    ${d.dropId}  registration open for ${left} more minute${left === 1 ? '' : 's'}, until ${d.closesAt}
               (a fresh one starts at the next \`npm start\` once it has closed; DEMO_DROP_MINUTES sets its length)
               ${d.beacon === 'none' ? 'beacon: none — no drand relay answered from this machine, so the demo draws at its close on the operator secret alone' : 'beacon: drand — the draw waits for the committed round'}
  Embed tag    ${widget ? embedTag(urls.api, widget) : '(build the widget first)'}
  Operator token ${config.adminToken}
  ─────────────────────────────────────────────────────────────────────────
  Ctrl-C stops everything started here.
`);

async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  setTimeout(() => { restate.kill('SIGKILL'); process.exit(1); }, 10_000).unref();
  await storefront.close();
  await fairdrop.close();
  restate.kill('SIGTERM');
  await new Promise<void>((r) => { restate.once('exit', () => r()); setTimeout(r, 5000); });
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
