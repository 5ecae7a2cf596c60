import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { subjects } from '../../src/bus/bus.js';
import { NatsBus } from '../../src/bus/nats.js';
import { createSseApp, type SseApp } from '../../src/http/sse/index.js';
import { uniqueId } from '../bus/fixtures.js';
import { EventReader, KEY, makeDrop, ORIGIN, stubDeps } from './helpers.js';

const NATS_URL = process.env.NATS_URL;
if (!NATS_URL) console.warn('NATS_URL is not set: skipping the SSE-over-NATS test (CI sets it, e.g. nats://127.0.0.1:4222).');

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function natsBus(): Promise<NatsBus> {
  const bus = await NatsBus.connect(NATS_URL!, { name: 'fairdrop-sse-test' });
  cleanup.push(() => bus.close());
  return bus;
}

/** One SSE "process": its own NATS connection, app and HTTP server on a free port. */
async function sseServer(dropId: string): Promise<{ url: string; app: SseApp; bus: NatsBus }> {
  const bus = await natsBus();
  const deps = stubDeps(bus);
  deps.state.drops.set(dropId, { merchantId: 'm1', drop: makeDrop(dropId, 1) });
  const app = createSseApp(deps);
  cleanup.push(() => app.close());
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  cleanup.push(() => new Promise<void>((r) => { (server as { closeAllConnections?: () => void }).closeAllConnections?.(); server.close(() => r()); }));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1/public/drops/${dropId}/events?key=${KEY}`, app, bus };
}

async function stream(url: string): Promise<EventReader> {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { Origin: ORIGIN }, signal: ac.signal });
  const reader = new EventReader(res);
  cleanup.push(async () => { await reader.close(); ac.abort(); });
  return reader;
}

describe.skipIf(!NATS_URL)('SSE across processes over real NATS', () => {
  it('two SSE servers on two NATS connections both deliver an event published by a third', async () => {
    const dropId = uniqueId('d');
    const [one, two] = [await sseServer(dropId), await sseServer(dropId)];
    const [a, b] = [await stream(one.url), await stream(two.url)];
    expect((await a.nextOf('drop')).id).toBe('1.0');
    expect((await b.nextOf('drop')).id).toBe('1.0');
    await Promise.all([one.bus.flush(), two.bus.flush()]);

    const publisher = await natsBus();
    await publisher.publish(subjects.drop(dropId), { kind: 'drop', merchantId: 'm1', reason: 'phase', drop: makeDrop(dropId, 2, { phase: 'closed' }) });
    for (const reader of [a, b]) {
      const ev = await reader.nextOf('drop', 3000);
      expect(ev.id).toBe('2.0');
      expect(ev.json?.drop?.phase).toBe('closed');
    }
  });
});
