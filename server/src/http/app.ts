/** The API role's Hono app: every route under /v1, one error path, problem documents throughout. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps } from './context.js';
import { problemResponse } from './problem.js';
import { useCommon, storefrontCors } from './common.js';
import type { ApiEnv } from './auth.js';
import { rateLimit, authFailureGuard } from './middleware.js';
import { publicRoutes } from './routes/public.js';
import { accountRoutes } from './routes/account.js';
import { dropRoutes } from './routes/drops.js';
import { auditRoutes } from './routes/audit.js';
import { adminRoutes } from './routes/admin.js';
import { emailRoutes } from './routes/email.js';
import { widgetRoutes } from './routes/widget.js';
import { loadWidgetBundle } from './widget-bundle.js';
import { verifyPageRoutes } from './routes/verify-page.js';

export function createApiApp(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  useCommon(app, deps.log, (method, path) => `No route ${method} ${path}. See openapi.yaml for the API.`);
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => problemResponse(c, 'payload_too_large', 'Keep request bodies under 64 KB.') }));

  app.get('/health', (c) => c.json({ status: 'ok', role: deps.config.role, version: deps.config.version }));

  app.use('/v1/public/*', storefrontCors);
  app.use('/v1/*', authFailureGuard(deps));
  for (const p of ['/v1/admin/*', '/v1/merchant', '/v1/drops', '/v1/drops/*', '/v1/webhook-endpoints', '/v1/webhook-endpoints/*', '/v1/shoppers/*']) app.use(p, rateLimit(deps, deps.merchantLimiter));
  app.on('POST', ['/v1/public/drops/:dropId/challenge', '/v1/public/drops/:dropId/entries', '/v1/public/drops/:dropId/purchase', '/v1/public/drops/:dropId/watch'], rateLimit(deps));
  app.route('/v1/public', auditRoutes(deps));
  app.route('/v1/public', publicRoutes(deps));
  app.route('/v1/widget', widgetRoutes(deps.widget === undefined ? loadWidgetBundle() : deps.widget));
  app.route('/v1/admin', adminRoutes(deps));
  app.route('/v1', emailRoutes(deps));
  app.route('/verify', verifyPageRoutes());
  app.route('/v1', accountRoutes(deps));
  app.route('/v1', dropRoutes(deps));
  return app;
}
