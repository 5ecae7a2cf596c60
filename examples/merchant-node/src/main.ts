/**
 * `npm start -w @fairdrop/example-merchant-node` (with `npm start` running): serves the backend,
 * registers its webhook endpoint with Fairdrop and creates a drop. Keys come from the
 * environment or, by default, from .fairdrop/demo.json written by `npm start`.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServerClient, unwrap, type DropCreate } from '@fairdrop/sdk/server';
import { createApp, demoDrop } from './app.js';

export interface Config { apiUrl: string; secretKey: string; shopperTokenSecret: string; webhookSecret: string; port: number; host: string; publicUrl?: string }

export function loadConfig(env = process.env): Config {
  const file = fileURLToPath(new URL('../../../.fairdrop/demo.json', import.meta.url));
  const demo = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const pick = (name: string, key: string) => {
    const v = env[name] ?? demo[key];
    if (!v) throw new Error(`Set ${name}, or run \`npm start\` first so .fairdrop/demo.json exists.`);
    return v;
  };
  return {
    apiUrl: env.FAIRDROP_API_URL ?? 'http://127.0.0.1:3003',
    secretKey: pick('FAIRDROP_SECRET_KEY', 'secretKey'),
    shopperTokenSecret: pick('FAIRDROP_SHOPPER_SECRET', 'shopperTokenSecret'),
    webhookSecret: pick('FAIRDROP_WEBHOOK_SECRET', 'webhookSecret'),
    port: Number(env.PORT ?? 3010),
    host: '127.0.0.1',
  };
}

/** Starts the backend, makes sure Fairdrop delivers webhooks to it, and creates a drop. */
export async function startBackend(cfg: Config, log: (line: string) => void = console.log, dropOver: Partial<DropCreate> = {}) {
  const fairdrop = createServerClient({ secretKey: cfg.secretKey, baseUrl: cfg.apiUrl });
  const app = createApp({ fairdrop, shopperTokenSecret: cfg.shopperTokenSecret, webhookSecret: cfg.webhookSecret, log });
  const server: Server = createServer(app.handler);
  await new Promise<void>((r) => server.listen(cfg.port, cfg.host, r));
  const url = cfg.publicUrl ?? `http://${cfg.host}:${(server.address() as { port: number }).port}`;

  const hookUrl = `${url}/webhooks/fairdrop`;
  const hooks = unwrap(await fairdrop.webhookEndpoints.list()).data;
  const hook = hooks.find((h) => h.url === hookUrl) ?? unwrap(await fairdrop.webhookEndpoints.create({ url: hookUrl }));
  const drop = unwrap(await fairdrop.drops.create(demoDrop(dropOver)));
  log(`merchant backend on ${url}; webhooks → ${hookUrl}; drop ${drop.id} open until ${drop.closesAt}`);
  /** Stop serving and take the webhook endpoint away again, so Fairdrop does not keep retrying a dead URL. */
  const close = async () => {
    await fairdrop.webhookEndpoints.delete(hook.id).catch(() => {});
    await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  };
  return { app, url, drop, fairdrop, hookId: hook.id, close };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const running = await startBackend(loadConfig());
  console.log(`
  Try it:
    curl -c /tmp/c -X POST '${running.url}/login?user=alice'
    curl -b /tmp/c ${running.url}/fairdrop-token
  then register in the widget with that token; after the draw, a winner's purchase token goes to
    curl -b /tmp/c -X POST ${running.url}/checkout -d '{"dropId":"${running.drop.id}","purchaseToken":"…"}'
  Webhooks received: ${running.url}/events   Orders: ${running.url}/orders
`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void running.close().then(() => process.exit(0)));
}
