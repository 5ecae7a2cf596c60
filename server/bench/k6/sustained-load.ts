/**
 * Sustained load: steady traffic over a longer window, the way a live drop looks after the
 * opening burst — mostly shoppers polling status and their own entry, a steady stream of new
 * registrations, the odd server-time sync. Runs at RATE requests per second for DURATION.
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:3003 -e PUBLISHABLE_KEY=pk_… -e SHOPPER_TOKEN_SECRET=sts_… \
 *          -e DROP_ID=drp… [-e RATE=200 -e DURATION=10m -e REGISTER_SHARE=0.2 -e SHOPPERS=20000] \
 *          server/bench/k6/sustained-load.ts
 *
 * Mix per iteration (REGISTER_SHARE of them register a new shopper; the rest split between
 * GET /drops/{id} 60%, GET /entries/me 30% for a shopper this run registered, GET /time 10%).
 * Shopper tokens and the PoW are minted and solved in k6 (lib.ts); use a low powDifficulty.
 * Raise the API's per-IP rate limit on the server under test (see registration-spike.ts).
 */
import { check } from 'k6';
import http from 'k6/http';
import exec from 'k6/execution';
import { Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { BASE_URL, DROP_ID, PUBLISHABLE_KEY, ORIGIN, SHOPPER_PREFIX, requireEnv, shopperHeaders, fetchChallenge, register } from './lib.ts';

const RATE = Number(__ENV.RATE ?? 200);
const DURATION = __ENV.DURATION ?? '5m';
const REGISTER_SHARE = Number(__ENV.REGISTER_SHARE ?? 0.2);

export const options: Options = {
  scenarios: {
    steady: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: Math.max(20, Math.ceil(RATE / 2)),
      maxVUs: Math.max(200, RATE * 4),
    },
  },
  thresholds: {
    ok: ['rate>0.99'],
    'http_req_duration{name:status}': ['p(95)<300'],
    'http_req_duration{name:me}': ['p(95)<300'],
    'http_req_duration{name:register}': ['p(95)<1000'],
  },
};

const okRate = new Rate('ok');
const statusLag = new Trend('status_server_time_skew', true);

export function setup(): void {
  requireEnv(['PUBLISHABLE_KEY', 'SHOPPER_TOKEN_SECRET', 'DROP_ID']);
}

const publicHeaders = (): Record<string, string> => (ORIGIN ? { 'Fairdrop-Key': PUBLISHABLE_KEY, Origin: ORIGIN } : { 'Fairdrop-Key': PUBLISHABLE_KEY });

// Per VU: the shoppers this VU registered, to poll their own entries.
const mine: string[] = [];

export default function (): void {
  const roll = Math.random();
  if (roll < REGISTER_SHARE || mine.length === 0) {
    const customer = `${SHOPPER_PREFIX}-${exec.vu.idInTest}-${exec.vu.iterationInScenario}`;
    const headers = shopperHeaders(customer);
    const challenge = fetchChallenge(DROP_ID, headers);
    const res = challenge ? register(DROP_ID, headers, challenge) : null;
    const good = check(res, { 'registered (201)': (r) => r !== null && r.status === 201 });
    okRate.add(good, { name: 'register' });
    if (good) mine.push(customer);
    return;
  }
  const rest = (roll - REGISTER_SHARE) / (1 - REGISTER_SHARE);
  if (rest < 0.6) {
    const res = http.get(`${BASE_URL}/v1/public/drops/${DROP_ID}`, { headers: publicHeaders(), tags: { name: 'status' } });
    okRate.add(check(res, { 'status 200': (r) => r.status === 200 }), { name: 'status' });
    if (res.status === 200) {
      const t = Date.parse(String((res.json() as { serverTime?: string }).serverTime ?? ''));
      if (!Number.isNaN(t)) statusLag.add(Math.abs(Date.now() - t));
    }
  } else if (rest < 0.9) {
    const customer = mine[Math.floor(Math.random() * mine.length)]!;
    const res = http.get(`${BASE_URL}/v1/public/drops/${DROP_ID}/entries/me`, { headers: shopperHeaders(customer), tags: { name: 'me' } });
    okRate.add(check(res, { 'my entry 200, registered': (r) => r.status === 200 && (r.json() as { registered?: boolean }).registered === true }), { name: 'me' });
  } else {
    const res = http.get(`${BASE_URL}/v1/public/time`, { tags: { name: 'time' } });
    okRate.add(check(res, { 'time 200': (r) => r.status === 200 }), { name: 'time' });
  }
}
