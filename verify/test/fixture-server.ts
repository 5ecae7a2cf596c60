/**
 * A stand-in API for page tests: the real verify-page routes of the API role, plus a draw record
 * and snapshot given by the test (so tampered ones can be served), optionally slowed down.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { verifyPageRoutes } from '../../server/src/http/routes/verify-page.js';
import { toProblem } from '../../server/src/http/problem.js';

export interface Fixture { record: unknown; entries: { entryId: string; weight: number }[]; /** Hold the snapshot after this many lines until released. */ holdAfter?: number }

export async function fixtureServer(fixtures: Map<string, Fixture>): Promise<{ url: string; requests: string[]; release(): void; close(): Promise<void> }> {
  const requests: string[] = [];
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  const app = new Hono();
  app.onError((err, c) => toProblem(err, c, () => {}));
  app.use('*', async (c, next) => { requests.push(new URL(c.req.url).pathname); await next(); });
  app.route('/verify', verifyPageRoutes());
  app.get('/v1/public/drops/:id/record', (c) => {
    const f = fixtures.get(c.req.param('id'));
    return f ? c.json(f.record as object) : c.json({ code: 'drop_not_found' }, 404);
  });
  app.get('/v1/public/drops/:id/snapshot', (c) => {
    const f = fixtures.get(c.req.param('id'));
    if (!f) return c.json({ code: 'drop_not_found' }, 404);
    const lines = f.entries.map((e) => JSON.stringify(e) + '\n');
    const hold = f.holdAfter;
    const body = new ReadableStream<Uint8Array>({
      async start(ctrl) {
        const enc = new TextEncoder();
        if (hold === undefined) ctrl.enqueue(enc.encode(lines.join('')));
        else {
          ctrl.enqueue(enc.encode(lines.slice(0, hold).join('')));
          await held;
          ctrl.enqueue(enc.encode(lines.slice(hold).join('')));
        }
        ctrl.close();
      },
    });
    return c.body(body, 200, { 'content-type': 'application/x-ndjson' });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`, requests, release: () => release(),
    close: () => new Promise<void>((r) => { (server as unknown as { closeAllConnections(): void }).closeAllConnections(); server.close(() => r()); }),
  };
}
