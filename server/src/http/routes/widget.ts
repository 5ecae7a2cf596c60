/**
 * The hosted widget: `GET /v1/widget/{version}/{file}` (immutable, cached for a year) and the
 * moving alias `GET /v1/widget/{file}` (the current version, cached for 5 minutes). Both are
 * readable from any origin (CORS `*`), since any storefront may load them — the worker through a
 * same-origin blob that imports it, the locale chunks by dynamic import.
 */
import { Hono, type Context } from 'hono';
import { problemResponse } from '../problem.js';
import type { WidgetBundle } from '../widget-bundle.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ALIAS = 'public, max-age=300';

function serve(c: Context, b: WidgetBundle, file: string, cache: string): Response {
  const bytes = b.files.get(file);
  if (!bytes) return problemResponse(c, 'not_found', `The widget ${b.version} has no file "${file}".`);
  const headers: Record<string, string> = {
    'content-type': 'text/javascript; charset=utf-8', 'cache-control': cache, 'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin', 'x-content-type-options': 'nosniff', 'fairdrop-widget-version': b.version,
  };
  if (file === 'fair-drop.js') headers['fairdrop-integrity'] = b.integrity;
  return new Response(bytes, { headers });
}

export function widgetRoutes(bundle: WidgetBundle | null): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!bundle) return problemResponse(c, 'not_found', 'This server has no built widget; run `npm run build -w @fairdrop/widget` and restart it.');
    return next();
  });
  app.get('/:version{[0-9]+\\.[0-9]+\\.[0-9]+[^/]*}/:file{.+\\.js}', (c) => {
    const b = bundle!;
    const version = c.req.param('version');
    if (version !== b.version) return problemResponse(c, 'not_found', `This server serves widget ${b.version}, not ${version}: use /v1/widget/${b.version}/fair-drop.js.`);
    return serve(c, b, c.req.param('file'), IMMUTABLE);
  });
  app.get('/:file{.+\\.js}', (c) => serve(c, bundle!, c.req.param('file'), ALIAS));
  return app;
}
