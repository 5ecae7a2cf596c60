/** The API role's Hono app: every route under /v1, one error path, problem documents throughout. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps } from './context.js';
import { toProblem, problemResponse } from './problem.js';
import { rateLimit, storefrontCors } from './middleware.js';
import { publicRoutes } from './routes/public.js';
import { accountRoutes } from './routes/account.js';
import { dropRoutes } from './routes/drops.js';
import { auditRoutes } from './routes/audit.js';
import { adminRoutes } from './routes/admin.js';
import { verifyPageRoutes } from './routes/verify-page.js';

export function createApiApp(deps: ApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => toProblem(err, c, deps.log));
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => problemResponse(c, 'payload_too_large', 'Keep request bodies under 64 KB.') }));

  app.get('/health', (c) => c.json({ status: 'ok', role: deps.config.role, version: deps.config.version }));

  app.use('/v1/public/*', storefrontCors);
  app.on('POST', ['/v1/public/drops/:dropId/challenge', '/v1/public/drops/:dropId/entries', '/v1/public/drops/:dropId/purchase'], rateLimit(deps));
  app.route('/v1/public', auditRoutes(deps));
  app.route('/v1/public', publicRoutes(deps));
  app.route('/v1/admin', adminRoutes(deps));
  app.route('/verify', verifyPageRoutes());
  app.route('/v1', accountRoutes(deps));
  app.route('/v1', dropRoutes(deps));
  methodNotAllowed(app);
  return app;
}

/** A known path asked with another method answers 405 with `Allow`, not 404. */
function methodNotAllowed(app: Hono): void {
  const routes = app.routes.filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, re: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}$`) }));
  app.notFound((c) => {
    const allow = [...new Set(routes.filter((r) => r.re.test(c.req.path)).map((r) => r.method))];
    if (allow.length === 0) return problemResponse(c, 'not_found', `No route ${c.req.method} ${c.req.path}. See openapi.yaml for the API.`);
    const res = problemResponse(c, 'method_not_allowed', `${c.req.path} accepts ${allow.join(', ')}.`);
    res.headers.set('allow', allow.join(', '));
    return res;
  });
}
