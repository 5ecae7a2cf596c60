/**
 * GET /verify/{dropId}: the verify page (verify/dist, built by `npm run build -w
 * @fairdrop/verify-page`), and its assets. Its CSP lets it talk to this origin only.
 */
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FairdropError } from '../../core/errors.js';
import { id } from '../schemas.js';

const DIST = fileURLToPath(new URL('../../../../verify/dist/', import.meta.url));
const TYPES = new Map([['js', 'text/javascript; charset=utf-8'], ['css', 'text/css; charset=utf-8']]);
/** Scripts, styles, the worker and every request from this origin only; no frames, no forms elsewhere. */
export const VERIFY_PAGE_CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function verifyPageRoutes(dir = DIST): Hono {
  const app = new Hono();
  const cache = new Map<string, Buffer>();
  const load = async (name: string) => {
    let body = cache.get(name);
    if (!body) {
      try {
        body = await readFile(`${dir}${name}`);
      } catch {
        throw new FairdropError('not_found', name === 'index.html' ? 'The verify page is not built on this server (npm run build -w @fairdrop/verify-page).' : `No asset ${name}.`);
      }
      cache.set(name, body);
    }
    return body;
  };

  app.get('/assets/:file', async (c) => {
    const file = c.req.param('file');
    const ext = /^[A-Za-z0-9_.-]+\.(js|css)$/.exec(file)?.[1];
    if (!ext || file.includes('..')) throw new FairdropError('not_found', `No asset ${file}.`);
    const body = await load(`assets/${file}`);
    // Names carry a content hash, so they never change.
    return c.body(new Uint8Array(body), 200, { 'content-type': TYPES.get(ext)!, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
  });

  app.get('/:dropId', async (c) => {
    id.parse(c.req.param('dropId'));
    const body = await load('index.html');
    return c.body(new Uint8Array(body), 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': VERIFY_PAGE_CSP, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });
  return app;
}
