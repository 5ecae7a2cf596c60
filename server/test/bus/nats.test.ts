import { afterEach, describe, expect, it } from 'vitest';
import { subjects, type BusEvent } from '../../src/bus/bus.js';
import { createBus } from '../../src/bus/index.js';
import { MemoryBus } from '../../src/bus/memory.js';
import { NatsBus } from '../../src/bus/nats.js';
import { dropEvent, uniqueId } from './fixtures.js';

const NATS_URL = process.env.NATS_URL;
if (!NATS_URL) console.warn('NATS_URL is not set: skipping the NATS bus tests (CI sets it, e.g. nats://127.0.0.1:4222).');

const buses: { close(): Promise<void> }[] = [];
afterEach(async () => Promise.all(buses.splice(0).map((b) => b.close())));

async function natsBus(): Promise<NatsBus> {
  const b = await NatsBus.connect(NATS_URL!, { name: 'fairdrop-test' });
  buses.push(b);
  return b;
}

function waitFor(b: NatsBus, pattern: string): Promise<{ event: BusEvent; subject: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Nothing on ${pattern} within 3 s.`)), 3000);
    const off = b.subscribe(pattern, (event, subject) => {
      clearTimeout(timer);
      off();
      resolve({ event, subject });
    });
  });
}

describe('createBus', () => {
  it('picks the in-process bus without a NATS URL', async () => {
    const b = await createBus(undefined);
    buses.push(b);
    expect(b).toBeInstanceOf(MemoryBus);
  });
});

describe.skipIf(!NATS_URL)('NATS bus (real server)', () => {
  it('delivers one publish to two separate connections, as two processes would see it', async () => {
    const [a, b, publisher] = [await natsBus(), await natsBus(), await natsBus()];
    const dropId = uniqueId('d');
    const got = [waitFor(a, `fairdrop.drop.${dropId}`), waitFor(b, 'fairdrop.*.' + dropId)];
    await Promise.all([a.flush(), b.flush()]);
    await publisher.publish(subjects.drop(dropId), dropEvent(dropId, 4));
    for (const { event, subject } of await Promise.all(got)) {
      expect(subject).toBe(`fairdrop.drop.${dropId}`);
      expect(event).toEqual(dropEvent(dropId, 4));
    }
  });

  it('matches `>` across entry subjects and keeps other drops out', async () => {
    const [sub, publisher] = [await natsBus(), await natsBus()];
    const dropId = uniqueId('d');
    const seen: string[] = [];
    sub.subscribe(`fairdrop.entry.${dropId}.>`, (_e, s) => seen.push(s));
    await sub.flush();
    const other = uniqueId('o');
    await publisher.publish(subjects.entry(other, 'e1'), { kind: 'entry', dropId: other, version: 1, entry: { entryId: 'e1', status: 'won' } });
    await publisher.publish(subjects.entry(dropId, 'e1'), { kind: 'entry', dropId, version: 1, entry: { entryId: 'e1', status: 'won' } });
    await publisher.flush();
    await sub.flush();
    expect(seen).toEqual([`fairdrop.entry.${dropId}.e1`]);
  });

  it('logs an undecodable payload instead of crashing the subscriber', async () => {
    const errors: unknown[] = [];
    const sub = await NatsBus.connect(NATS_URL!, { onError: (e) => errors.push(e) });
    buses.push(sub);
    const dropId = uniqueId('d');
    const got = waitFor(sub, `fairdrop.drop.${dropId}`);
    const { connect } = await import('@nats-io/transport-node');
    const raw = await connect({ servers: NATS_URL! });
    await sub.flush();
    raw.publish(`fairdrop.drop.${dropId}`, 'not json');
    await raw.flush();
    await raw.close();
    const publisher = await natsBus();
    await publisher.publish(subjects.drop(dropId), dropEvent(dropId, 1));
    expect((await got).event).toEqual(dropEvent(dropId, 1));
    expect(errors).toHaveLength(1);
  });
});
