import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjects } from '../../src/bus/bus.js';
import { MemoryBus } from '../../src/bus/memory.js';
import { createSseApp, type SseApp } from '../../src/http/sse/index.js';
import { entry, EventReader, eventually, KEY, makeDrop, ORIGIN, stubDeps } from './helpers.js';

let bus: MemoryBus;
let deps: ReturnType<typeof stubDeps>;
let app: SseApp;
const readers: EventReader[] = [];

beforeEach(() => {
  bus = new MemoryBus();
  deps = stubDeps(bus);
  deps.state.drops.set('d1', { merchantId: 'm1', drop: makeDrop('d1', 3) });
  app = createSseApp(deps);
});

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
  app.close();
  await bus.close();
});

async function connect(query = '', headers: Record<string, string> = {}) {
  const res = await app.request(`/v1/public/drops/d1/events?key=${KEY}${query}`, { headers: { Origin: ORIGIN, ...headers } });
  const reader = new EventReader(res);
  readers.push(reader);
  return { res, reader };
}

const publishDrop = (version: number, reason: 'phase' | 'counts' = 'phase', patch = {}) =>
  bus.publish(subjects.drop('d1'), { kind: 'drop', merchantId: 'm1', reason, drop: makeDrop('d1', version, patch) });

describe('drop event stream', () => {
  it('sends the current state at once, with id, server time, retry hint and CORS headers', async () => {
    const { res, reader } = await connect();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('vary')).toBe('Origin');
    const ev = await reader.next();
    expect(ev).toMatchObject({ event: 'drop', id: '3.0' });
    expect(ev.json).toMatchObject({ type: 'drop', drop: { id: 'd1', version: 3 } });
    expect(Date.parse(ev.json!.serverTime)).toBeGreaterThan(Date.now() - 5000);
  });

  it('sends a retry hint before the first event', async () => {
    const res = await app.request(`/v1/public/drops/d1/events?key=${KEY}`, { headers: { Origin: ORIGIN } });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(first).toMatch(/^retry: 3000\n\n/);
  });

  it('delivers a live drop event published on the bus', async () => {
    const { reader } = await connect();
    await reader.nextOf('drop');
    await publishDrop(4, 'phase', { phase: 'closed' });
    const ev = await reader.nextOf('drop');
    expect(ev.id).toBe('4.0');
    expect(ev.json?.drop).toMatchObject({ version: 4, phase: 'closed' });
  });

  it('drops stale events whose version the client already has', async () => {
    const { reader } = await connect();
    await reader.nextOf('drop');
    await publishDrop(2);
    await publishDrop(3);
    await publishDrop(5);
    const events = await reader.collect(200);
    expect(events.map((e) => e.id)).toEqual(['5.0']);
  });

  it('sends entry events only to the shopper who owns the entry', async () => {
    deps.state.entries.set('anon-a', { ...entry('e-a', 'registered'), version: 1 });
    deps.state.entries.set('anon-b', { ...entry('e-b', 'registered'), version: 1 });
    const a = (await connect('&anonymousId=anon-a')).reader;
    const b = (await connect('', { 'Fairdrop-Anonymous-Id': 'anon-b' })).reader;
    expect((await a.nextOf('drop')).id).toBe('3.0');
    const initial = await a.nextOf('entry');
    expect(initial.id).toBe('3.1');
    expect(initial.json?.entry).toEqual(entry('e-a', 'registered'));
    await b.nextOf('drop');
    expect((await b.nextOf('entry')).json?.entry?.entryId).toBe('e-b');

    await bus.publish(subjects.entry('d1', 'e-a'), { kind: 'entry', dropId: 'd1', version: 2, entry: entry('e-a', 'won') });
    const won = await a.nextOf('entry');
    expect(won.id).toBe('3.2');
    expect(won.json?.entry?.status).toBe('won');
    expect(await b.collect(150)).toEqual([]);
  });

  it('resumes from Last-Event-ID: skips what the client has and sends what is newer', async () => {
    deps.state.entries.set('anon-a', { ...entry('e-a', 'won'), version: 2 });
    const same = (await connect('&anonymousId=anon-a', { 'Last-Event-ID': '3.2' })).reader;
    expect(await same.collect(150)).toEqual([]);

    const older = (await connect('&anonymousId=anon-a&lastEventId=2.1')).reader;
    const [drop, ent] = [await older.nextOf('drop'), await older.nextOf('entry')];
    expect(drop.id).toBe('3.1');
    expect(ent.id).toBe('3.2');
    expect(ent.json?.entry?.status).toBe('won');
  });

  it('lets the Last-Event-ID header win over an older lastEventId query parameter', async () => {
    const { reader } = await connect('&lastEventId=1.0', { 'Last-Event-ID': '3.0' });
    expect(await reader.collect(150)).toEqual([]);
    await publishDrop(4);
    expect((await reader.nextOf('drop')).id).toBe('4.0');
  });

  it('sends heartbeats with server time and no id', async () => {
    app.close();
    app = createSseApp({ ...deps, heartbeatMs: 50 });
    const { reader } = await connect();
    await reader.nextOf('drop');
    const beat = await reader.nextOf('heartbeat', 1000);
    expect(beat.id).toBeUndefined();
    expect(beat.json).toMatchObject({ type: 'heartbeat' });
    expect(typeof beat.json?.serverTime).toBe('string');
  });

  it('forgets a connection when the client goes away', async () => {
    const { reader } = await connect();
    await reader.nextOf('drop');
    expect(app.connections).toBe(1);
    await reader.close();
    await eventually(() => app.connections === 0);
  });
});

describe('slow clients', () => {
  it('cuts off a client that stopped reading instead of buffering without bound', async () => {
    const res = await app.request(`/v1/public/drops/d1/events?key=${KEY}`, { headers: { Origin: ORIGIN } });
    await eventually(() => app.connections === 1);
    for (let v = 4; v < 4 + 300; v++) await publishDrop(v);
    await eventually(() => app.connections === 0);
    const reader = res.body!.getReader();
    let done = false;
    for (let i = 0; i < 10 && !done; i++) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

describe('hand-over from snapshot to live', () => {
  it('keeps an event published while the initial state is being read, and never regresses', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    app.close();
    app = createSseApp({
      ...deps,
      getDrop: async () => {
        const snapshot = { merchantId: 'm1', drop: makeDrop('d1', 3) };
        await gate;
        return snapshot;
      },
    });
    const pending = connect();
    await new Promise((r) => setTimeout(r, 20));
    await publishDrop(4, 'phase', { phase: 'closed' });
    await new Promise((r) => setTimeout(r, 20));
    release();
    const { reader } = await pending;
    const events = await reader.collect(200);
    expect(events.map((e) => e.id)).toEqual(['4.0']);
    expect(events[0]?.json?.drop?.phase).toBe('closed');
  });
});
