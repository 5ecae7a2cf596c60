/**
 * Bench-only Restate endpoint for the ceiling measurement of `register.bench.ts`: one tiny
 * virtual object whose handler does a single get + set, nothing else. Not part of the product;
 * started as its own process by the benchmark and registered as a separate deployment.
 *
 *   PORT=9099 node --conditions=source --import tsx bench/ceiling.endpoint.ts
 */
import '../src/durable/shim.js';
import { createServer } from 'node:http2';
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext } from '@restatedev/restate-sdk';

export const benchkv = restate.object({
  name: 'benchkv',
  handlers: {
    bump: async (ctx: ObjectContext): Promise<number> => {
      const n = ((await ctx.get<number>('n')) ?? 0) + 1;
      ctx.set('n', n);
      return n;
    },
  },
});

const server = createServer(restate.createEndpointHandler({ services: [benchkv] }));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ceiling endpoint ready ${(server.address() as { port: number }).port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
