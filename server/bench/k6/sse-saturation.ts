/**
 * SSE saturation: many virtual users each hold one drop event stream open, the way
 * shoppers' browsers do during a hyped drop, while you drive the drop (register, close,
 * draw) from another script or the dashboard.
 *
 * Needs k6 ≥ 1.0 with the xk6-sse extension (`import sse from 'k6/x/sse'`; recent k6
 * resolves it automatically, older ones: `xk6 build --with github.com/phymbert/xk6-sse`).
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:3004 -e DROP_ID=… -e KEY=pk_… -e ORIGIN=https://shop.example \
 *          -e VUS=10000 -e HOLD_SECONDS=120 server/bench/k6/sse-saturation.ts
 *
 * Each VU sends the publishable key and the storefront Origin (the key's allow-list decides),
 * optionally an anonymous id (ANONYMOUS=1) so entry events are exercised, and resumes with
 * the last id it saw (Last-Event-ID) when it reconnects — as EventSource does.
 * Metrics: sse_connect_ok (rate), sse_time_to_state (ms from open to the first `drop`
 * event), sse_event_lag (ms from the event's serverTime to receipt; run k6 near the
 * server or with synced clocks), sse_events and sse_errors (counts, tagged).
 * Open-files limits apply on both sides: `ulimit -n` above VUS + a margin.
 */
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
// @ts-ignore -- provided at run time by the xk6-sse extension; typed below.
import sseModule from 'k6/x/sse';

interface SseEvent { id: string; name: string; data: string }
interface SseClient {
  on(event: 'open', cb: () => void): void;
  on(event: 'event', cb: (e: SseEvent) => void): void;
  on(event: 'error', cb: (e: { error(): string }) => void): void;
  close(): void;
}
interface SseApi {
  open(url: string, params: { method?: string; headers?: Record<string, string>; tags?: Record<string, string> }, setup: (client: SseClient) => void): { status: number } | undefined;
}
const sse = sseModule as SseApi;

const BASE_URL = __ENV.BASE_URL ?? 'http://127.0.0.1:3004';
const DROP_ID = __ENV.DROP_ID ?? 'demo';
const KEY = __ENV.KEY ?? '';
const ORIGIN = __ENV.ORIGIN ?? 'http://127.0.0.1:3005';
const VUS = Number(__ENV.VUS ?? 5000);
const HOLD_MS = Number(__ENV.HOLD_SECONDS ?? 60) * 1000;
const RAMP = __ENV.RAMP ?? '30s';

export const options: Options = {
  scenarios: {
    saturate: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: RAMP, target: VUS },
        { duration: `${Math.ceil(HOLD_MS / 1000)}s`, target: VUS },
        { duration: '10s', target: 0 },
      ],
      gracefulRampDown: '30s',
    },
  },
  thresholds: {
    sse_connect_ok: ['rate>0.99'],
    sse_time_to_state: ['p(95)<2000'],
    sse_event_lag: ['p(95)<1500'],
  },
};

const connectOk = new Rate('sse_connect_ok');
const timeToState = new Trend('sse_time_to_state', true);
const eventLag = new Trend('sse_event_lag', true);
const events = new Counter('sse_events');
const streamErrors = new Counter('sse_errors');

// Per VU: the last event id, so a reconnect resumes like a browser's EventSource.
let lastEventId = '';

export default function (): void {
  const query = [`key=${encodeURIComponent(KEY)}`];
  if (__ENV.ANONYMOUS === '1') query.push(`anonymousId=k6-${exec.vu.idInTest}`);
  const headers: Record<string, string> = { Origin: ORIGIN, Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const url = `${BASE_URL}/v1/public/drops/${encodeURIComponent(DROP_ID)}/events?${query.join('&')}`;

  let openedAt = 0;
  let gotState = false;
  const res = sse.open(url, { method: 'GET', headers, tags: { name: 'drop-events' } }, (client) => {
    client.on('open', () => (openedAt = Date.now()));
    client.on('event', (e) => onEvent(client, e));
    client.on('error', (e) => streamErrors.add(1, { error: e.error().slice(0, 80) }));
  });

  function onEvent(client: SseClient, e: SseEvent): void {
    events.add(1, { event: e.name });
    if (e.id) lastEventId = e.id;
    const serverTime = parseServerTime(e.data);
    if (serverTime !== null) eventLag.add(Date.now() - serverTime, { event: e.name });
    if (e.name === 'drop' && !gotState) {
      gotState = true;
      timeToState.add(Date.now() - openedAt);
    }
    // Heartbeats (every 15 s) guarantee this check runs even on a quiet drop.
    if (Date.now() - openedAt >= HOLD_MS) client.close();
  }

  const ok = check(res, { 'stream opened (200)': (r) => r !== undefined && r.status === 200 });
  connectOk.add(ok);
}

function parseServerTime(data: string): number | null {
  try {
    const t = Date.parse((JSON.parse(data) as { serverTime?: string }).serverTime ?? '');
    return Number.isNaN(t) ? null : t;
  } catch {
    return null;
  }
}
