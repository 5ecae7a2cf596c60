/**
 * `subscribe(dropId, handlers, opts)`: typed live updates, resumed with Last-Event-ID after
 * any disconnect. Uses EventSource where there is one (browsers), otherwise fetch and a
 * stream parser (Node), which also lets the credentials travel as headers.
 */
import type { components } from '../generated/schema.js';
import { FairdropApiError } from '../client/errors.js';
import type { FetchLike } from '../client/retry.js';
import { chunksOf } from '../client/snapshot.js';
import { parseSse } from './parse.js';

type S = components['schemas'];
export type StreamEvent = S['StreamEvent'];

/** Called with the event's parsed data and its id. */
type On<T> = (value: T, meta: { id: string | undefined; serverTime: string }) => void;

export interface DropHandlers {
  /** Public state of the drop (phase, counts, draw summary); keep the highest `version`. */
  drop?: On<S['PublicDrop']>;
  /** The shopper's own entry state (only with a shopper token or anonymous id). */
  entry?: On<S['EntryState']>;
  heartbeat?: On<undefined>;
  /** Connected (again). */
  open?: () => void;
  /** A failed connection; `fatal` when the subscription gave up (e.g. 401, unknown drop). */
  error?: (error: FairdropApiError, info: { fatal: boolean }) => void;
}
export type ActiveDropsHandlers = Omit<DropHandlers, 'entry'>;

/** The EventSource constructor shape we use (the DOM one fits). */
export interface EventSourceLike {
  readyState: number;
  addEventListener(type: string, listener: (e: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceCtor = new (url: string) => EventSourceLike;

export interface SubscribeOptions {
  /** Base URL of the SSE role (e.g. http://127.0.0.1:3004). */
  baseUrl: string;
  publishableKey: string;
  shopperToken?: string | undefined;
  anonymousId?: string | undefined;
  /** Resume after this event id. */
  lastEventId?: string | undefined;
  /** `'auto'` (default) uses EventSource when present; `'fetch'` forces the stream parser. */
  transport?: 'auto' | 'fetch' | 'eventsource';
  EventSource?: EventSourceCtor | undefined;
  fetch?: FetchLike | undefined;
  /** First reconnect delay in ms until the server sends `retry:` (default 1000). */
  retryMs?: number;
}

/**
 * @example
 * const unsubscribe = subscribe('drp_123', {
 *   drop: (d) => console.log(d.phase, d.counts.entries),
 *   entry: (e) => console.log('my entry is', e.status),
 * }, { baseUrl: 'http://127.0.0.1:3004', publishableKey: 'pk_…', shopperToken });
 * // later
 * unsubscribe();
 */
export function subscribe(dropId: string, handlers: DropHandlers, opts: SubscribeOptions): () => void {
  return open(`/v1/public/drops/${encodeURIComponent(dropId)}/events`, handlers, opts);
}

/** Every active drop of the merchant; `drop` fires for each change. Returns unsubscribe. */
export function subscribeActiveDrops(handlers: ActiveDropsHandlers, opts: SubscribeOptions): () => void {
  return open('/v1/public/events', handlers, { ...opts, shopperToken: undefined, anonymousId: undefined });
}

function open(path: string, handlers: DropHandlers, opts: SubscribeOptions): () => void {
  const ES = opts.EventSource ?? (globalThis as { EventSource?: EventSourceCtor }).EventSource;
  const useEs = opts.transport === 'eventsource' || (opts.transport !== 'fetch' && ES !== undefined && opts.fetch === undefined);
  if (useEs) {
    if (!ES) throw new TypeError('transport "eventsource" needs an EventSource (pass opts.EventSource).');
    return viaEventSource(ES, url(path, opts, true), handlers);
  }
  const ac = new AbortController();
  void viaFetch(url(path, opts, false), headers(opts), handlers, opts, ac.signal);
  return () => ac.abort();
}

function url(path: string, o: SubscribeOptions, credentialsInQuery: boolean): string {
  const u = new URL(o.baseUrl.replace(/\/+$/, '') + path);
  if (credentialsInQuery) {
    u.searchParams.set('key', o.publishableKey);
    if (o.shopperToken) u.searchParams.set('shopper', o.shopperToken);
    else if (o.anonymousId) u.searchParams.set('anonymousId', o.anonymousId);
    if (o.lastEventId) u.searchParams.set('lastEventId', o.lastEventId);
  }
  return u.href;
}

function headers(o: SubscribeOptions): Record<string, string> {
  return {
    accept: 'text/event-stream',
    'fairdrop-key': o.publishableKey,
    ...(o.shopperToken ? { 'fairdrop-shopper': o.shopperToken } : o.anonymousId ? { 'fairdrop-anonymous-id': o.anonymousId } : {}),
  };
}

/** Routes one message to its handler; returns false for data that is not a StreamEvent. */
function dispatch(handlers: DropHandlers, name: string, data: string, id: string | undefined): void {
  let ev: StreamEvent;
  try { ev = JSON.parse(data) as StreamEvent; } catch { return; }
  const meta = { id, serverTime: ev.serverTime };
  if (name === 'drop' && ev.drop) handlers.drop?.(ev.drop, meta);
  else if (name === 'entry' && ev.entry) handlers.entry?.(ev.entry, meta);
  else if (name === 'heartbeat') handlers.heartbeat?.(undefined, meta);
}

function viaEventSource(ES: EventSourceCtor, href: string, handlers: DropHandlers): () => void {
  const es = new ES(href); // the browser resumes with Last-Event-ID by itself
  for (const name of ['drop', 'entry', 'heartbeat']) es.addEventListener(name, (e) => dispatch(handlers, name, String(e.data), e.lastEventId || undefined));
  es.addEventListener('open', () => handlers.open?.());
  es.addEventListener('error', () => {
    const fatal = es.readyState === 2; // CLOSED: the browser will not retry (4xx)
    handlers.error?.(new FairdropApiError({ code: fatal ? 'unauthorized' : 'network', status: 0, detail: fatal ? 'The event stream was refused; check the publishable key, the drop id and the allowed origins.' : 'The event stream dropped; reconnecting.' }), { fatal });
  });
  return () => es.close();
}

const FATAL_STATUS = (s: number) => s >= 400 && s < 500 && s !== 408 && s !== 429;

async function viaFetch(href: string, hdrs: Record<string, string>, handlers: DropHandlers, opts: SubscribeOptions, signal: AbortSignal): Promise<void> {
  const fetchImpl = opts.fetch ?? ((r: Request) => globalThis.fetch(r));
  let lastId = opts.lastEventId;
  let retry = opts.retryMs ?? 1000;
  while (!signal.aborted) {
    try {
      const res = await fetchImpl(new Request(href, { headers: { ...hdrs, ...(lastId && { 'last-event-id': lastId }) }, signal }));
      if (!res.ok) {
        const err = FairdropApiError.fromResponse(res, await res.json().catch(() => undefined));
        const fatal = FATAL_STATUS(res.status);
        handlers.error?.(err, { fatal });
        if (fatal) return;
        if (err.retryAfterSeconds) retry = Math.max(retry, err.retryAfterSeconds * 1000);
      } else if (res.body) {
        handlers.open?.();
        for await (const m of parseSse(chunksOf(res.body))) {
          if (m.retry !== undefined) retry = m.retry;
          if (m.id !== undefined) lastId = m.id;
          if (m.data) dispatch(handlers, m.event, m.data, m.id ?? lastId);
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      handlers.error?.(FairdropApiError.network(e), { fatal: false });
    }
    if (!signal.aborted) await pause(retry, signal);
  }
}

const pause = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});
