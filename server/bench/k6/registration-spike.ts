/**
 * Registration spike: the first seconds of a hyped drop. Arrivals ramp from 0 to PEAK_RATE new
 * shoppers per second within RAMP, hold for HOLD, then stop. Every iteration is a new shopper
 * doing what the widget does: ask for a PoW challenge, solve it, register with browser-like
 * signals. Needs a drop in its registration window (create it with a low powDifficulty, e.g. 10;
 * see lib.ts).
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:3003 -e PUBLISHABLE_KEY=pk_… -e SHOPPER_TOKEN_SECRET=sts_… \
 *          -e DROP_ID=drp… [-e PEAK_RATE=1000 -e RAMP=10s -e HOLD=30s -e MAX_VUS=2000 -e ORIGIN=https://shop.example] \
 *          server/bench/k6/registration-spike.ts
 *
 * The API's per-IP rate limit (FAIRDROP_RATE_BURST / FAIRDROP_RATE_PER_SECOND, default 20 / 5)
 * applies to the load generator's address: raise it on the server under test, or run k6 behind a
 * proxy the server trusts (FAIRDROP_TRUST_PROXY) that sets X-Forwarded-For per VU.
 * Metrics: registrations (201), registration_failed (tagged by problem code), register_latency
 * (ms, the POST /entries alone — the solve is client time, not server time), challenge_latency.
 */
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { DROP_ID, SHOPPER_PREFIX, requireEnv, shopperHeaders, fetchChallenge, register, problemCode } from './lib.ts';

const PEAK_RATE = Number(__ENV.PEAK_RATE ?? 500);
const RAMP = __ENV.RAMP ?? '10s';
const HOLD = __ENV.HOLD ?? '30s';
const MAX_VUS = Number(__ENV.MAX_VUS ?? 2000);

export const options: Options = {
  scenarios: {
    spike: {
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      preAllocatedVUs: Math.min(MAX_VUS, Math.max(50, PEAK_RATE)),
      maxVUs: MAX_VUS,
      stages: [
        { duration: RAMP, target: PEAK_RATE },
        { duration: HOLD, target: PEAK_RATE },
        { duration: '5s', target: 0 },
      ],
    },
  },
  thresholds: {
    registration_ok: ['rate>0.99'],
    register_latency: ['p(95)<1000', 'p(99)<2000'],
    'http_req_failed{name:register}': ['rate<0.01'],
  },
};

const registrations = new Counter('registrations');
const failed = new Counter('registration_failed');
const ok = new Rate('registration_ok');
const registerLatency = new Trend('register_latency', true);
const challengeLatency = new Trend('challenge_latency', true);

export function setup(): void {
  requireEnv(['PUBLISHABLE_KEY', 'SHOPPER_TOKEN_SECRET', 'DROP_ID']);
}

export default function (): void {
  const customer = `${SHOPPER_PREFIX}-${exec.scenario.iterationInTest}`;
  const headers = shopperHeaders(customer);
  const t = Date.now();
  const challenge = fetchChallenge(DROP_ID, headers);
  challengeLatency.add(Date.now() - t);
  if (!challenge) { failed.add(1, { code: 'challenge' }); ok.add(false); return; }
  const res = register(DROP_ID, headers, challenge);
  registerLatency.add(res.timings.duration);
  const good = check(res, { 'registered (201)': (r) => r.status === 201 });
  ok.add(good);
  if (good) registrations.add(1);
  else failed.add(1, { code: problemCode(res) });
}
