/**
 * The React example: built with Vite, served with a /config.json for a real drop on the real
 * service, opened in Chromium. The widget element is rendered by React inside #root, renders
 * the drop, and its `fairdrop:ready` event reaches the React `onReady` prop.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerClient, mintShopperToken, unwrap } from '@fairdrop/sdk/server';
import { startService, dropBody, type Service } from '../../../sdk/test/service.js';
import { launch } from '../../../docs/test/browser.js';
import { appHandler } from '../static.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let svc: Service;
let browser: Browser;
let app: Server;
let appUrl: string;
let dropName: string;

beforeAll(async () => {
  const [service] = await Promise.all([startService(), build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })]);
  svc = service;
  const m = await svc.merchant('React shop');
  const fairdrop = createServerClient({ secretKey: m.secretKey, baseUrl: svc.apiUrl });
  const drop = unwrap(await fairdrop.drops.create(dropBody({ name: 'React sneaker drop' })));
  dropName = drop.name;
  const shopperToken = await mintShopperToken({ secret: m.shopperTokenSecret, customerId: 'react-test' });
  const config = ({ drop: drop.id, publishableKey: m.publishableKey, api: svc.apiUrl, sse: svc.sseUrl, shopperToken, customer: 'react-test' });
  const handle = appHandler(join(root, 'dist'), async () => config);
  app = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}/`;
  browser = await launch();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (app ? (app.closeAllConnections(), app.close(() => r())) : r()));
  await svc?.dispose();
});

describe('React example', () => {
  it('renders <fair-drop> through @lit/react and receives its events as props', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl);
    const el = page.locator('#root fair-drop');
    await el.waitFor({ timeout: 10_000 });
    expect(await el.evaluate((e: Element & { publishableKey?: string }) => e.publishableKey)).toMatch(/^pk_/);
    // The widget shows the drop (inside its shadow root), and React saw `fairdrop:ready`.
    await expect.poll(() => el.evaluate((e) => e.shadowRoot?.textContent ?? ''), { timeout: 15_000 }).toContain(dropName);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 15_000 }).toBe(`${dropName}: registration`);
    await page.screenshot({ path: join(root, 'test-results', 'react.png') });
    expect(errors).toEqual([]);
  });

  it('18.17: a missing file (the browser’s /favicon.ico) is a 404 and the server keeps serving', async () => {
    const miss = await fetch(`${appUrl}favicon.ico`);
    expect(miss.status).toBe(404);
    await miss.text();
    expect((await fetch(`${appUrl}config.json`)).status).toBe(200);
  });
});
