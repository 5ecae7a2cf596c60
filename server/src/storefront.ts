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

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.map': 'application/json' };

async function file(dir: string, path: string): Promise<Response | null> {
  const full = normalize(join(dir, path));
  if (!full.startsWith(dir)) return null;
  try {
    return new Response(await readFile(full), { headers: { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream', 'cache-control': 'no-cache' } });
  } catch { return null; }
}

export async function serveStorefront(opts: { port: number; root: string; demo: Demo; apiUrl: string; sseUrl: string }): Promise<{ close: () => Promise<void> }> {
  const site = join(opts.root, 'examples', 'storefront');
  const widget = join(opts.root, 'widget', 'dist');
  const app = new Hono();
  app.get('/demo/config.json', (c) => c.json({ drop: opts.demo.dropId, publishableKey: opts.demo.publishableKey, api: opts.apiUrl, sse: opts.sseUrl }));
  app.get('/demo/token', async (c) => {
    const customer = (c.req.query('customer') ?? 'demo-customer').slice(0, 64);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(customer).setAudience('fairdrop').setIssuedAt().setExpirationTime('30m')
      .sign(new TextEncoder().encode(opts.demo.shopperTokenSecret));
    return c.json({ token, customer });
  });
  app.get('*', async (c) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    return (await file(site, path)) ?? (await file(widget, path)) ?? c.text('Not found', 404);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: opts.port, hostname: '127.0.0.1' }, () => resolve(s)); });
  return { close: () => new Promise((r) => server.close(() => r())) };
}
