import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjects, type DropEvent } from '../../src/bus/bus.js';
import { MemoryBus } from '../../src/bus/memory.js';
import { createSseApp, type SseApp } from '../../src/http/sse/index.js';
import { EventReader, KEY, makeDrop, ORIGIN, stubDeps } from './helpers.js';

let bus: MemoryBus;
let app: SseApp;
let reader: EventReader;

beforeEach(async () => {
  bus = new MemoryBus();
  const deps = stubDeps(bus);
  deps.state.drops.set('d1', { merchantId: 'm1', drop: makeDrop('d1', 0) });
  app = createSseApp(deps);
  const res = await app.request(`/v1/public/drops/d1/events?key=${KEY}`, { headers: { Origin: ORIGIN } });
  reader = new EventReader(res);
  await reader.nextOf('drop');
});

afterEach(async () => {
  await reader.close();
  app.close();
  await bus.close();
});

const publish = (version: number, reason: DropEvent['reason']) =>
  bus.publish(subjects.drop('d1'), { kind: 'drop', merchantId: 'm1', reason, drop: makeDrop('d1', version) });

describe('counts coalescing', () => {
  it('sends a burst of 20 count updates as at most 3 events, the last state always included', async () => {
    for (let v = 1; v <= 20; v++) await publish(v, 'counts');
    const events = await reader.collect(1000);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(3);
    expect(events.at(-1)?.json?.drop?.counts.entries).toBe(20);
  });

  it('keeps count updates spread over a second to about two per second', async () => {
    for (let v = 1; v <= 20; v++) {
      await publish(v, 'counts');
      await new Promise((r) => setTimeout(r, 50));
    }
    const events = await reader.collect(700);
    expect(events.length).toBeLessThanOrEqual(4);
    expect(events.at(-1)?.json?.drop?.version).toBe(20);
  });

  it('sends a phase change at once, superseding a held-back count update', async () => {
    await publish(1, 'counts');
    await publish(2, 'counts');
    const first = await reader.nextOf('drop', 200);
    expect(first.json?.drop?.version).toBe(1);
    await publish(3, 'phase');
    const phase = await reader.nextOf('drop', 100);
    expect(phase.json?.drop?.version).toBe(3);
    expect(await reader.collect(700)).toEqual([]);
  });
});
