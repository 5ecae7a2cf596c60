/**
 * One shopper, many concurrent registrations (`npm run bench:one-shopper -w @fairdrop/server`).
 *
 * The hardening review saw 500 concurrent registrations of one shopper push `/health` p95 to 1.4 s on
 * two cores. This runs a real restate-server and a Fairdrop `all` process (test harness), solves 500
 * challenges for ONE shopper (difficulty 8), then fires the 500 registrations at once while a probe
 * asks `/health` every 10 ms. Baseline, same run: `/health` p95 with the server idle. It also reports
 * how many registrations were created (must be 1) and the statuses.
 * Last line: RESULT {json}.
 */
import os from 'node:os';
import { SignJWT } from 'jose';
import { solvePowReference } from '@fairdrop/sdk/pow';
import { restateServer, fairdropProcess, registerDeployment, SECRET, ADMIN } from '../test/harness.js';

const N = Number(process.env.BENCH_N ?? 500);
const p95 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0; };

async function probe(url: string, stop: () => boolean): Promise<number[]> {
  const out: number[] = [];
  while (!stop()) {
    const t = performance.now();
    await fetch(url).then((r) => r.text());
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  return out;
}

const restate = await restateServer();
const fd = await fairdropProcess('all', {
  RESTATE_INGRESS_URL: restate.ingressUrl, FAIRDROP_SERVER_SECRET: SECRET, FAIRDROP_ADMIN_TOKEN: ADMIN, FAIRDROP_RESTATE_IDENTITY_KEYS: restate.identityKey,
  FAIRDROP_RATE_BURST: '100000', FAIRDROP_RATE_PER_SECOND: '100000', FAIRDROP_MERCHANT_RATE_BURST: '100000', RESTATE_LOGGING: 'WARN',
});
try {
  await registerDeployment(restate.adminUrl, fd.endpointUrl);
  const api = fd.apiUrl;
  const post = (path: string, body: unknown, headers: Record<string, string>) => fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const m = await (await post('/v1/admin/merchants', { name: 'bench' }, { authorization: `Bearer ${ADMIN}` })).json() as { secretKey: string; publishableKey: string; shopperTokenSecret: string };
  const now = Date.now();
  const drop = await (await post('/v1/drops', { name: 'b', inventory: 1, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 600_000).toISOString(), powDifficulty: 8, trustThreshold: 0 }, { authorization: `Bearer ${m.secretKey}` })).json() as { id: string };
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('one-shopper').setAudience('fairdrop').setExpirationTime('30m').sign(new TextEncoder().encode(m.shopperTokenSecret));
  const h = { 'fairdrop-key': m.publishableKey, 'fairdrop-shopper': token };
  for (let i = 0; i < 100; i++) { const d = await (await fetch(`${api}/v1/public/drops/${drop.id}`, { headers: h })).json() as { phase: string }; if (d.phase === 'registration') break; await new Promise((r) => setTimeout(r, 100)); }
  const bodies = [];
  for (let i = 0; i < N; i++) {
    const ch = await (await post(`/v1/public/drops/${drop.id}/challenge`, {}, h)).json() as { challenge: string; prefix: string; difficulty: number };
    bodies.push({ tickets: 1, pow: { challenge: ch.challenge, nonce: solvePowReference(ch.prefix, ch.difficulty) } });
  }
  let done = false;
  const idle = await probe(`${api}/health`, (() => { const until = Date.now() + 3000; return () => Date.now() > until; })());
  const during = probe(`${api}/health`, () => done);
  const t0 = performance.now();
  const statuses = await Promise.all(bodies.map((b) => post(`/v1/public/drops/${drop.id}/entries`, b, h).then((r) => r.status)));
  const burstMs = performance.now() - t0;
  done = true;
  const busy = await during;
  const counts = statuses.reduce<Record<string, number>>((acc, s) => { acc[s] = (acc[s] ?? 0) + 1; return acc; }, {});
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}; ${N} concurrent registrations of one shopper, PoW difficulty 8`);
  console.log(`idle /health: ${idle.length} probes, p95 ${p95(idle).toFixed(1)} ms; during the burst (${burstMs.toFixed(0)} ms): ${busy.length} probes, p95 ${p95(busy).toFixed(1)} ms; statuses ${JSON.stringify(counts)}`);
  console.log(`RESULT ${JSON.stringify({ registrations: N, created: counts['201'] ?? 0, repeats: counts['200'] ?? 0, burstMs: Math.round(burstMs), healthP95Ms: Number(p95(busy).toFixed(1)), baselineIdleHealthP95Ms: Number(p95(idle).toFixed(1)) })}`);
} finally {
  await fd.stop();
  await restate.dispose();
}
