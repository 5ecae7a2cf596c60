// Issue 18.1: the API role serves its own widget — versioned and immutable, an alias, CORS for any
// origin, the worker and locale chunks beside it, and the SRI hash the embed tag carries.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { widgetRoutes } from '../src/http/routes/widget.js';
import { embedTag, loadWidgetBundle, widgetPackageDir } from '../src/http/widget-bundle.js';

const dir = widgetPackageDir();
const bundle = loadWidgetBundle(dir);
const app = new Hono().route('/v1/widget', widgetRoutes(bundle));
const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };

describe('the hosted widget (/v1/widget)', () => {
  it('finds the built widget (npm test builds it first)', () => expect(bundle, 'run npm run build -w @fairdrop/widget').not.toBeNull());

  it('serves the built fair-drop.js at its version, immutable, readable from any origin, with its SRI hash', async () => {
    const res = await app.request(`/v1/widget/${version}/fair-drop.js`, { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(body).equals(readFileSync(join(dir, 'dist', 'fair-drop.js')))).toBe(true);
    const hash = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    expect(res.headers.get('fairdrop-integrity')).toBe(hash);
    expect(embedTag('https://api.example/', bundle!)).toBe(`<script type="module" src="https://api.example/v1/widget/${version}/fair-drop.js" integrity="${hash}" crossorigin="anonymous"></script>`);
  });

  it('serves the worker and every locale chunk beside it, and the moving alias with a short cache', async () => {
    const worker = await app.request(`/v1/widget/${version}/fair-drop.worker.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('access-control-allow-origin')).toBe('*');
    const chunks = [...bundle!.files.keys()].filter((f) => f.startsWith('chunks/'));
    expect(chunks.some((c) => /\/de-/.test('/' + c.slice(7)))).toBe(true);
    for (const c of chunks) expect((await app.request(`/v1/widget/${version}/${c}`)).status, c).toBe(200);
    const alias = await app.request('/v1/widget/fair-drop.js');
    expect(alias.status).toBe(200);
    expect(alias.headers.get('cache-control')).toBe('public, max-age=300');
    expect(alias.headers.get('fairdrop-widget-version')).toBe(version);
  });

  it('answers an unknown version or file with a problem document naming the version it serves', async () => {
    const res = await app.request('/v1/widget/0.0.1/fair-drop.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).detail).toContain(`/v1/widget/${version}/fair-drop.js`);
    expect((await app.request(`/v1/widget/${version}/nope.js`)).status).toBe(404);
  });

  it('says how to build the widget when the server has none', async () => {
    const res = await new Hono().route('/v1/widget', widgetRoutes(null)).request('/v1/widget/fair-drop.js');
    expect(res.status).toBe(404);
    expect((await res.json()).detail).toMatch(/npm run build -w @fairdrop\/widget/);
  });
});
