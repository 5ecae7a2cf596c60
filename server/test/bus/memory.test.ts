import { afterEach, describe, expect, it } from 'vitest';
import { subjects, type BusEvent } from '../../src/bus/bus.js';
import { subjectMatches } from '../../src/bus/match.js';
import { MemoryBus } from '../../src/bus/memory.js';
import { dropEvent } from './fixtures.js';

const buses: MemoryBus[] = [];
afterEach(async () => Promise.all(buses.splice(0).map((b) => b.close())));

function bus(onError?: (e: unknown) => void) {
  const b = new MemoryBus(onError ? { onError } : {});
  buses.push(b);
  return b;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('subject wildcards', () => {
  it.each([
    ['fairdrop.>', 'fairdrop.drop.d1', true],
    ['fairdrop.>', 'fairdrop.entry.d1.e1', true],
    ['fairdrop.>', 'fairdrop', false],
    ['fairdrop.drop.*', 'fairdrop.drop.d1', true],
    ['fairdrop.drop.*', 'fairdrop.drop.d1.x', false],
    ['fairdrop.*.d1', 'fairdrop.drop.d1', true],
    ['fairdrop.entry.d1.*', 'fairdrop.entry.d2.e1', false],
    ['fairdrop.entry.*.>', 'fairdrop.entry.d1.e1', true],
    ['fairdrop.drop.d1', 'fairdrop.drop.d1', true],
    ['fairdrop.drop.d1', 'fairdrop.drop.d10', false],
    ['>', 'a', true],
  ])('%s matches %s: %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

describe('in-process bus', () => {
  it('delivers to every matching subscriber and not to others', async () => {
    const b = bus();
    const got: string[] = [];
    b.subscribe(subjects.all, (_e, s) => got.push(`all ${s}`));
    b.subscribe('fairdrop.drop.*', (_e, s) => got.push(`drops ${s}`));
    b.subscribe('fairdrop.entry.d1.>', (_e, s) => got.push(`entries ${s}`));
    await b.publish(subjects.drop('d1'), dropEvent('d1', 1));
    await b.publish(subjects.entry('d2', 'e1'), { kind: 'entry', dropId: 'd2', version: 1, entry: { entryId: 'e1', status: 'won' } });
    await tick();
    expect(got.sort()).toEqual(['all fairdrop.drop.d1', 'all fairdrop.entry.d2.e1', 'drops fairdrop.drop.d1']);
  });

  it('never runs a subscriber inside publish, and hands it a copy', async () => {
    const b = bus();
    let received: BusEvent | undefined;
    b.subscribe(subjects.all, (e) => (received = e));
    const event = dropEvent('d1', 1);
    const published = b.publish(subjects.drop('d1'), event);
    expect(received).toBeUndefined();
    await published;
    await tick();
    expect(received).toEqual(event);
    expect(received).not.toBe(event);
  });

  it('logs a throwing handler and still delivers to the others', async () => {
    const errors: unknown[] = [];
    const b = bus((e) => errors.push(e));
    const got: number[] = [];
    b.subscribe(subjects.all, () => {
      throw new Error('boom');
    });
    b.subscribe(subjects.all, (e) => got.push(e.kind === 'drop' ? e.drop.version : -1));
    await b.publish(subjects.drop('d1'), dropEvent('d1', 7));
    await tick();
    expect(got).toEqual([7]);
    expect(errors).toHaveLength(1);
  });

  it('stops delivering after unsubscribe, including events already in flight', async () => {
    const b = bus();
    const got: number[] = [];
    const off = b.subscribe(subjects.all, () => got.push(1));
    const published = b.publish(subjects.drop('d1'), dropEvent('d1', 1));
    off();
    await published;
    await tick();
    expect(got).toEqual([]);
  });

  it('refuses to publish to a wildcard subject', async () => {
    await expect(bus().publish('fairdrop.*', dropEvent('d1', 1))).rejects.toThrow(/wildcards/);
  });
});
