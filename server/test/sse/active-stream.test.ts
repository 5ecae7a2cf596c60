import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjects } from '../../src/bus/bus.js';
import { MemoryBus } from '../../src/bus/memory.js';
import { createSseApp, type SseApp } from '../../src/http/sse/index.js';
import { EventReader, KEY, makeDrop, ORIGIN, stubDeps } from './helpers.js';

let bus: MemoryBus;
let app: SseApp;
const readers: EventReader[] = [];

beforeEach(() => {
  bus = new MemoryBus();
  const deps = stubDeps(bus);
  deps.state.drops.set('d1', { merchantId: 'm1', drop: makeDrop('d1', 2) });
  deps.state.drops.set('d2', { merchantId: 'm1', drop: makeDrop('d2', 5) });
  deps.state.drops.set('x9', { merchantId: 'm2', drop: makeDrop('x9', 1) });
  app = createSseApp(deps);
});

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
  app.close();
  await bus.close();
});

async function connect(headers: Record<string, string> = {}) {
  const res = await app.request(`/v1/public/events?key=${KEY}`, { headers: { Origin: ORIGIN, ...headers } });
  const reader = new EventReader(res);
  readers.push(reader);
  return reader;
}

describe('active drops stream', () => {
  it("sends every active drop of the key's merchant, with dropId:version ids", async () => {
    const reader = await connect();
    const ids = (await reader.collect(150)).map((e) => e.id).sort();
    expect(ids).toEqual(['d1:2', 'd2:5']);
  });

  it("delivers live events for the merchant's drops only", async () => {
    const reader = await connect();
    await reader.collect(100);
    await bus.publish(subjects.drop('x9'), { kind: 'drop', merchantId: 'm2', reason: 'phase', drop: makeDrop('x9', 2) });
    await bus.publish(subjects.drop('d3'), { kind: 'drop', merchantId: 'm1', reason: 'phase', drop: makeDrop('d3', 0) });
    const events = await reader.collect(150);
    expect(events.map((e) => e.id)).toEqual(['d3:0']);
  });

  it('resumes without repeating the drop named by Last-Event-ID, resending the others', async () => {
    const reader = await connect({ 'Last-Event-ID': 'd2:5' });
    expect((await reader.collect(150)).map((e) => e.id)).toEqual(['d1:2']);
  });
});
