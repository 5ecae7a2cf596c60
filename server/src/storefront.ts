/**
 * The storefront example's server for `npm start`: the static page from examples/storefront, the
 * built widget next to it, and the tiny piece of a merchant backend a demo needs — a shopper-token
 * endpoint for a pretend signed-in customer (`/demo/token?customer=alice`).
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import type { Demo } from './demo.js';
import { loadWidgetBundle, type WidgetBundle } from './http/widget-bundle.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.map': 'application/json' };

async function file(dir: string, path: string): Promise<Response | null> {
  const full = normalize(join(dir, path));
  if (!full.startsWith(dir)) return null;
  try {
    return new Response(await readFile(full), { headers: { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream', 'cache-control': 'no-cache' } });
  } catch { return null; }
}

/**
 * The storefront page as a merchant would publish it: the one tag loads the widget the API serves
 * (with its SRI hash) and names the demo drop and key, so the bare URL shows the demo drop.
 */
export function storefrontPage(html: string, o: { demo: Demo; apiUrl: string; sseUrl: string; widget: WidgetBundle | null }): string {
  const attr = (name: string, value: string) => (s: string) => s.replace(new RegExp(`${name}="[^"]*"`), `${name}="${value.replace(/"/g, '&quot;')}"`);
  let page = html;
  for (const f of [attr('data-drop', o.demo.dropId), attr('data-publishable-key', o.demo.publishableKey), attr('data-api', o.apiUrl), attr('data-sse-url', o.sseUrl)]) page = f(page);
  if (o.widget) {
    const src = `${o.apiUrl}/v1/widget/${o.widget.version}/fair-drop.js`;
    page = page.replace('src="/fair-drop.js"', `src="${src}" integrity="${o.widget.integrity}" crossorigin="anonymous"`);
  }
  return page;
}

export async function serveStorefront(opts: { port: number; root: string; demo: Demo; apiUrl: string; sseUrl: string }): Promise<{ close: () => Promise<void> }> {
  const site = join(opts.root, 'examples', 'storefront');
  const widget = join(opts.root, 'widget', 'dist');
  const bundle = loadWidgetBundle(join(opts.root, 'widget'));
  const app = new Hono();
  app.on('GET', ['/', '/index.html'], async (c) => {
    const html = await readFile(join(site, 'index.html'), 'utf8');
    c.header('cache-control', 'no-cache');
    return c.html(storefrontPage(html, { demo: opts.demo, apiUrl: opts.apiUrl, sseUrl: opts.sseUrl, widget: bundle }));
  });
  app.get('/demo/config.json', (c) => c.json({ drop: opts.demo.dropId, publishableKey: opts.demo.publishableKey, api: opts.apiUrl, sse: opts.sseUrl }));
  app.get('/demo/token', async (c) => {
    const customer = (c.req.query('customer') ?? 'demo-customer').slice(0, 64);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(customer).setAudience('fairdrop').setIssuedAt().setExpirationTime('30m')
      .sign(new TextEncoder().encode(opts.demo.shopperTokenSecret));
    return c.json({ token, customer });
  });
  app.get('*', async (c) => {
    const path = c.req.path;
    return (await file(site, path)) ?? (await file(widget, path)) ?? c.text('Not found', 404);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: opts.port, hostname: '127.0.0.1' }, () => resolve(s)); });
  return { close: () => new Promise((r) => server.close(() => r())) };
}
