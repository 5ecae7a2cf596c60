/**
 * `npm start -w @fairdrop/example-react` (after `npm start`): builds the app, then serves it on
 * http://127.0.0.1:3006 with a /config.json for the demo drop. With the SDK it adds this origin
 * to the demo merchant's allow-list and signs a shopper token for a pretend signed-in customer.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServerClient, mintShopperToken, unwrap } from '@fairdrop/sdk/server';
import { appHandler } from './static.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 3006);
const origin = `http://127.0.0.1:${port}`;
const demoFile = join(here, '../../.fairdrop/demo.json');
if (!existsSync(demoFile)) throw new Error('Run `npm start` first (it writes .fairdrop/demo.json).');
const demo = JSON.parse(readFileSync(demoFile, 'utf8')) as Record<string, string>;
const api = process.env.FAIRDROP_API_URL ?? 'http://127.0.0.1:3003';
const sse = process.env.FAIRDROP_SSE_URL ?? 'http://127.0.0.1:3004';
const customer = process.env.CUSTOMER ?? 'react-demo-customer';

const fairdrop = createServerClient({ secretKey: demo.secretKey!, baseUrl: api });
const merchant = unwrap(await fairdrop.merchant.get());
if (merchant.allowedOrigins.length && !merchant.allowedOrigins.includes(origin)) {
  unwrap(await fairdrop.merchant.update({ allowedOrigins: [...merchant.allowedOrigins, origin] }));
}

const dist = join(here, 'dist');
const config = async () => ({ drop: demo.dropId, publishableKey: demo.publishableKey, api, sse, customer,
  shopperToken: await mintShopperToken({ secret: demo.shopperTokenSecret!, customerId: customer, expiresInSeconds: 1800 }) });
const handle = appHandler(dist, config);
createServer((req, res) => void handle(req, res).catch(() => { if (!res.headersSent) res.writeHead(500).end(); }))
  .listen(port, '127.0.0.1', () => console.log(`React example: ${origin}/  (drop ${demo.dropId}, signed in as ${customer})`));
