import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjects } from '../../src/bus/bus.js';
import { MemoryBus } from '../../src/bus/memory.js';
import { createSseApp, type SseApp } from '../../src/http/sse/index.js';
import { entry, EventReader, KEY, makeDrop, ORIGIN, stubDeps } from './helpers.js';

let bus: MemoryBus;
let app: SseApp;
const readers: EventReader[] = [];
const draw = { root: '0'.repeat(64), entryCount: 5, totalWeight: 5, winners: 1, backups: 2, drawnAt: '2026-01-01T01:00:00.000Z' };

beforeEach(() => {
  bus = new MemoryBus();
  const deps = stubDeps(bus, {
    drawIndex: async () => ({ winners: new Set(['win']), backupIndex: new Map([['b1', 0], ['b2', 1]]), backupsPromoted: 0 }),
  });
  deps.state.drops.set('d1', { merchantId: 'm1', drop: makeDrop('d1', 3) });
  for (const id of ['win', 'b1', 'b2', 'lose']) deps.state.entries.set(`anon-${id}`, entry(id, 'registered'));
  app = createSseApp(deps);
});

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
  app.close();
  await bus.close();
});

async function watch(id: string) {
  const res = await app.request(`/v1/public/drops/d1/events?key=${KEY}&anonymousId=anon-${id}`, { headers: { Origin: ORIGIN } });
  const reader = new EventReader(res);
  readers.push(reader);
  await reader.nextOf('drop');
  await reader.nextOf('entry');
  return reader;
}

const publish = (version: number, reason: 'draw' | 'promotion' | 'phase', patch: object) =>
  bus.publish(subjects.drop('d1'), { kind: 'drop', merchantId: 'm1', reason, drop: makeDrop('d1', version, patch) });

const entries = async (r: EventReader) => (await r.collect(300)).filter((e) => e.event === 'entry').map((e) => e.json?.entry);

describe('outcomes pushed from the draw record', () => {
  it('tells losers and waiting backups where they stand, and leaves slot holders to their holder', async () => {
    const [win, b1, b2, lose] = await Promise.all(['win', 'b1', 'b2', 'lose'].map(watch));
    await publish(4, 'draw', { phase: 'purchase', draw: { ...draw, backupsPromoted: 0 } });
    const [w, x1, x2, l] = await Promise.all([win!, b1!, b2!, lose!].map(entries));
    expect(l).toEqual([{ entryId: 'lose', status: 'lost' }]);
    expect(x1).toEqual([{ entryId: 'b1', status: 'backup', backupPosition: 1 }]);
    expect(x2).toEqual([{ entryId: 'b2', status: 'backup', backupPosition: 2 }]);
    expect(w).toEqual([]); // the winner hears from its holder, not from the record

    // b1 is promoted (its holder speaks for it); b2 moves up; at completion b2 has lost.
    await publish(5, 'promotion', { phase: 'purchase', draw: { ...draw, backupsPromoted: 1 } });
    expect(await entries(b2!)).toEqual([{ entryId: 'b2', status: 'backup', backupPosition: 1 }]);
    expect(await entries(b1!)).toEqual([]);
    await publish(6, 'phase', { phase: 'completed', draw: { ...draw, backupsPromoted: 1 } });
    expect(await entries(b2!)).toEqual([{ entryId: 'b2', status: 'lost' }]);
  });

  it('pushes nothing for count updates or before the draw', async () => {
    const lose = await watch('lose');
    await publish(4, 'phase', { phase: 'closed' });
    await bus.publish(subjects.drop('d1'), { kind: 'drop', merchantId: 'm1', reason: 'counts', drop: makeDrop('d1', 5, { phase: 'purchase', draw: { ...draw, backupsPromoted: 0 } }) });
    expect(await entries(lose)).toEqual([]);
  });
});
