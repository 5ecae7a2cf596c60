/** The API role's Hono app: every route under /v1, one error path, problem documents throughout. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps } from './context.js';
import { toProblem, problemResponse } from './problem.js';
import { rateLimit, storefrontCors } from './middleware.js';
import { publicRoutes } from './routes/public.js';
import { merchantRoutes } from './routes/merchant.js';
import { auditRoutes } from './routes/audit.js';
import { adminRoutes } from './routes/admin.js';

export function createApiApp(deps: ApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => toProblem(err, c, deps.log));
  app.notFound((c) => problemResponse(c, 'not_found', `No route ${c.req.method} ${c.req.path}. See openapi.yaml for the API.`));
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => problemResponse(c, 'payload_too_large', 'Keep request bodies under 64 KB.') }));

  app.get('/health', (c) => c.json({ status: 'ok', role: deps.config.role, version: deps.config.version }));

  app.use('/v1/public/*', storefrontCors);
  app.on('POST', ['/v1/public/drops/:dropId/challenge', '/v1/public/drops/:dropId/entries', '/v1/public/drops/:dropId/purchase'], rateLimit(deps));
  app.route('/v1/public', auditRoutes(deps));
  app.route('/v1/public', publicRoutes(deps));
  app.route('/v1/admin', adminRoutes(deps));
  app.route('/v1', merchantRoutes(deps));
  return app;
}
