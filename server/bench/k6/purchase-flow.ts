/**
 * Purchase flow after the draw: every shopper a previous run registered checks their outcome the
 * way the widget does; winners start a purchase (single-use token) and the merchant's checkout
 * confirms it; a retried confirmation (same order id) returns the same purchase, and a second
 * order for the same slot must be refused (exactly-once purchase).
 * Losers are asked too — their answer comes from the draw record, with no per-loser durable work —
 * and a purchase attempt by a loser must be refused (403 not_a_winner).
 *
 * Typical sequence: register with registration-spike.ts and a fixed SHOPPER_PREFIX, close the
 * drop (its timer, or POST /v1/drops/{id}/draw), then:
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:3003 -e PUBLISHABLE_KEY=pk_… -e SECRET_KEY=sk_… \
 *          -e SHOPPER_TOKEN_SECRET=sts_… -e DROP_ID=drp… -e SHOPPER_PREFIX=launch1 -e SHOPPERS=20000 \
 *          [-e VUS=200 -e LOSER_PURCHASE_SHARE=0.05] server/bench/k6/purchase-flow.ts
 *
 * SECRET_KEY (sk_…) stands in for the merchant's checkout backend, which calls
 * POST /v1/drops/{id}/purchases/confirm after payment. Keep it out of shared CI logs.
 * Metrics: purchases_completed, duplicate_confirm_refused (must be 100 %), loser_refused,
 * outcome (counter tagged by status), time_to_token (ms for POST /purchase).
 */
import { check, fail } from 'k6';
import http from 'k6/http';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { BASE_URL, DROP_ID, SECRET_KEY, SHOPPER_PREFIX, requireEnv, shopperHeaders, problemCode } from './lib.ts';

const SHOPPERS = Number(__ENV.SHOPPERS ?? 1000);
const VUS = Number(__ENV.VUS ?? 100);
const LOSER_PURCHASE_SHARE = Number(__ENV.LOSER_PURCHASE_SHARE ?? 0.05);

export const options: Options = {
  scenarios: {
    outcomes: { executor: 'shared-iterations', vus: Math.min(VUS, SHOPPERS), iterations: SHOPPERS, maxDuration: __ENV.MAX_DURATION ?? '10m' },
  },
  thresholds: {
    duplicate_confirm_refused: ['rate==1'],
    loser_refused: ['rate==1'],
    outcome_ok: ['rate>0.99'],
    'http_req_duration{name:me}': ['p(95)<500'],
    time_to_token: ['p(95)<1000'],
  },
};

const completed = new Counter('purchases_completed');
const outcome = new Counter('outcome');
const outcomeOk = new Rate('outcome_ok');
const duplicateRefused = new Rate('duplicate_confirm_refused');
const loserRefused = new Rate('loser_refused');
const timeToToken = new Trend('time_to_token', true);

interface MyEntry { registered: boolean; phase: string; status?: string }

export function setup(): void {
  requireEnv(['PUBLISHABLE_KEY', 'SHOPPER_TOKEN_SECRET', 'SECRET_KEY', 'DROP_ID', 'SHOPPER_PREFIX']);
  const rec = http.get(`${BASE_URL}/v1/public/drops/${DROP_ID}/record`, { tags: { name: 'record' } });
  if (rec.status !== 200) fail(`the drop has no draw record yet (GET /record → ${rec.status}); close or draw it first`);
}

export default function (): void {
  const customer = `${SHOPPER_PREFIX}-${exec.scenario.iterationInTest}`;
  const headers = shopperHeaders(customer);
  const me = http.get(`${BASE_URL}/v1/public/drops/${DROP_ID}/entries/me`, { headers, tags: { name: 'me' } });
  const good = check(me, { 'my entry 200': (r) => r.status === 200 });
  outcomeOk.add(good);
  if (!good) return;
  const entry = me.json() as unknown as MyEntry;
  const status = entry.registered ? entry.status ?? 'registered' : 'not registered';
  outcome.add(1, { status });

  if (status === 'won' || status === 'promoted') {
    const t = Date.now();
    const start = http.post(`${BASE_URL}/v1/public/drops/${DROP_ID}/purchase`, null, { headers, tags: { name: 'purchase' } });
    timeToToken.add(Date.now() - t);
    if (!check(start, { 'purchase token issued': (r) => r.status === 200 })) return;
    const { purchaseToken } = start.json() as { purchaseToken: string };
    const merchant = { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' };
    const body = JSON.stringify({ purchaseToken, orderId: `k6-${customer}`, customerId: customer });
    const confirm = http.post(`${BASE_URL}/v1/drops/${DROP_ID}/purchases/confirm`, body, { headers: merchant, tags: { name: 'confirm' } });
    if (check(confirm, { 'purchase confirmed': (r) => r.status === 200 })) completed.add(1);
    // A retried confirmation (same order) is idempotent; a second order for the same slot is refused.
    const retry = http.post(`${BASE_URL}/v1/drops/${DROP_ID}/purchases/confirm`, body, { headers: merchant, tags: { name: 'confirm-retry' } });
    check(retry, { 'retried confirm returns the same purchase (200)': (r) => r.status === 200 });
    const other = JSON.stringify({ purchaseToken, orderId: `k6-${customer}-second`, customerId: customer });
    const again = http.post(`${BASE_URL}/v1/drops/${DROP_ID}/purchases/confirm`, other, { headers: merchant, tags: { name: 'confirm-again' } });
    duplicateRefused.add(check(again, { 'second order refused (409 already_purchased)': (r) => r.status === 409 && problemCode(r) === 'already_purchased' }));
  } else if (status === 'lost' && Math.random() < LOSER_PURCHASE_SHARE) {
    const res = http.post(`${BASE_URL}/v1/public/drops/${DROP_ID}/purchase`, null, { headers, tags: { name: 'purchase-loser' } });
    loserRefused.add(check(res, { 'loser refused (403 not_a_winner)': (r) => r.status === 403 && problemCode(r) === 'not_a_winner' }));
  }
}
