import { describe, expect, it } from 'vitest';
import { parseSse, subscribe, type EventSourceLike } from '@fairdrop/sdk';

const bytes = (...parts: string[]) => (async function* () { for (const p of parts) yield new TextEncoder().encode(p); })();
const collect = async <T>(it: AsyncIterable<T>) => { const out: T[] = []; for await (const x of it) out.push(x); return out; };

describe('parseSse', () => {
  it('parses events split anywhere, with ids, retry, comments and CRLF', async () => {
    const msgs = await collect(parseSse(bytes('retry: 3000\n\n: hi\r\nevent: drop\r\nid: 1.0\r\nda', 'ta: {"a":1}\r\n\r', '\nevent: heartbeat\ndata: {}\n\ndata: x\ndata: y\n\n')));
    expect(msgs).toEqual([
      { event: 'message', data: '', id: undefined, retry: 3000 },
      { event: 'drop', data: '{"a":1}', id: '1.0', retry: undefined },
      { event: 'heartbeat', data: '{}', id: undefined, retry: undefined },
      { event: 'message', data: 'x\ny', id: undefined, retry: undefined },
    ]);
  });
});

class FakeEventSource implements EventSourceLike {
  static last: FakeEventSource;
  readyState = 0;
  listeners = new Map<string, (e: MessageEvent) => void>();
  closed = false;
  constructor(readonly url: string) { FakeEventSource.last = this; }
  addEventListener(type: string, l: (e: MessageEvent) => void) { this.listeners.set(type, l); }
  close() { this.closed = true; }
  emit(type: string, data: unknown, lastEventId = '') { this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data), lastEventId })); }
}

describe('subscribe with EventSource', () => {
  it('puts credentials and the resume id in the query, dispatches typed events and closes', () => {
    const drops: unknown[] = [];
    const ids: Array<string | undefined> = [];
    const stop = subscribe('drp_1', { drop: (d, m) => { drops.push(d); ids.push(m.id); } }, {
      baseUrl: 'http://sse.example/', publishableKey: 'pk_a_1', shopperToken: 'tok', lastEventId: '3.1', EventSource: FakeEventSource,
    });
    const es = FakeEventSource.last;
    const u = new URL(es.url);
    expect(u.pathname).toBe('/v1/public/drops/drp_1/events');
    expect(Object.fromEntries(u.searchParams)).toEqual({ key: 'pk_a_1', shopper: 'tok', lastEventId: '3.1' });
    es.emit('drop', { type: 'drop', serverTime: 't', drop: { id: 'drp_1', version: 4 } }, '4.1');
    expect(drops).toEqual([{ id: 'drp_1', version: 4 }]);
    expect(ids).toEqual(['4.1']);
    stop();
    expect(es.closed).toBe(true);
  });

  it('reports a closed EventSource as fatal', () => {
    const errors: boolean[] = [];
    subscribe('drp_1', { error: (_e, { fatal }) => errors.push(fatal) }, { baseUrl: 'http://sse.example', publishableKey: 'pk', EventSource: FakeEventSource });
    const es = FakeEventSource.last;
    es.readyState = 0; es.listeners.get('error')!(new MessageEvent('error'));
    es.readyState = 2; es.listeners.get('error')!(new MessageEvent('error'));
    expect(errors).toEqual([false, true]);
  });
});
