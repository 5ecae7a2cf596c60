/**
 * bench:notify — the loser fan-out ("not this time") against its configured per-merchant rate,
 * beside the raw accept rate of the same SMTP sink measured in the same run.
 *
 *   1. A real SMTP server (smtp-server on 127.0.0.1, no parsing) is the sink.
 *   2. Baseline: nodemailer with the worker's pool settings (4 connections) sends notice-sized
 *      messages to the sink as fast as it accepts them → smtp_accept_per_s.
 *   3. A drop of BENCH_ENTRIES entries with email contacts is seeded through the ledger's own
 *      register handler (as the 10k test does), drawn, and the fan-out's arrival rate at the sink
 *      is measured from the first to the last "not this time" → notices_per_s at configured_per_s.
 *
 * Env: BENCH_ENTRIES (10000), BENCH_RATE (50, the default merchant rate), BENCH_BASELINE (2000).
 * Ends with RESULT {"notices_per_s","configured_per_s","smtp_accept_per_s", …}.
 */
import os from 'node:os';
import nodemailer from 'nodemailer';
import { restateServer, fairdropProcess, registerDeployment, waitFor } from '../test/harness.js';
import { baseEnv, sk } from '../test/stack.js';
import { TestClient } from '../test/client.js';
import { smtpSink } from '../test/notices/smtp-sink.js';
import { useSmtp } from '../test/notices/helpers.js';
import { seedWithContacts, kindOf } from '../test/notices/bulk.js';
import { renderNotice } from '../src/core/notices/render.js';

const N = Number(process.env.BENCH_ENTRIES ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const BASELINE = Number(process.env.BENCH_BASELINE ?? 2000);
const log = (msg: string) => console.log(`[bench:notify] ${msg}`);

async function baseline(port: number, sink: Awaited<ReturnType<typeof smtpSink>>): Promise<number> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });
  const body = renderNotice({ notice: 'lost', locale: 'en', timeZone: 'UTC', merchantName: 'Bench Shop', dropName: 'Bench Drop', entryId: '00AbCdEfGhIjKlMn', unsubscribeUrl: 'http://127.0.0.1/v1/public/email/unsubscribe?t=us.x', verifyUrl: 'http://127.0.0.1/v1/public/drops/d/record' });
  const before = sink.got.length;
  const start = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < BASELINE) {
      const i = next++;
      await t.sendMail({ from: 'drops@bench.example', to: `b${i}@bench.example`, subject: body.subject, text: body.text, html: body.html, messageId: `<b.${i}.base@bench.example>` });
    }
  }));
  const secs = (Date.now() - start) / 1000;
  t.close();
  if (sink.got.length - before !== BASELINE) throw new Error('baseline: the sink did not accept every message');
  return BASELINE / secs;
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`machine: ${cpus.length} cpus, ${cpus[0]?.model ?? '?'}, node ${process.version}, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`settings: entries=${N}, configured rate=${RATE}/s per merchant, baseline messages=${BASELINE}, ledger shards=4, one restate-server, one all-in-one fairdrop process, sink = smtp-server on 127.0.0.1 (no parsing)`);
  const sink = await smtpSink({ parse: false });
  const restate = await restateServer();
  const fd = await fairdropProcess('all', { ...baseEnv(restate), RESTATE_LOGGING: 'WARN' });
  try {
    await registerDeployment(restate.adminUrl, fd.endpointUrl);
    const smtpAccept = await baseline(sink.port, sink);
    log(`baseline: the sink accepted ${BASELINE} notice-sized messages from nodemailer (4 pooled connections, 16 in flight) at ${smtpAccept.toFixed(0)}/s`);

    const client = new TestClient(fd.apiUrl);
    const m = await client.merchant('Bench Shop');
    await useSmtp(client, m, sink.port, { notices: ['won', 'lost'], ratePerSecond: RATE });
    const now = Date.now();
    const drop = (await client.req('POST', '/v1/drops', { headers: sk(m), body: { name: 'Bench Drop', inventory: 10, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(), powDifficulty: 0 } })).body;
    await waitFor('open', async () => (await client.req('GET', `/v1/public/drops/${drop.id}`, { headers: { 'fairdrop-key': m.publishableKey } })).body.phase === 'registration');
    const t0 = Date.now();
    await seedWithContacts(restate.ingressUrl, m.merchant.id, drop, N, 4, (i) => `n${i}@bench.example`);
    log(`seeded ${N} entries with email contacts in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const fanFrom = sink.got.length;
    const drawAt = Date.now();
    const draw = await client.req('POST', `/v1/drops/${drop.id}/draw`, { headers: sk(m) });
    const losers = N - draw.body.winners.length;
    await waitFor('every loser notified', async () => sink.got.length - fanFrom >= N, (N / RATE) * 3000 + 120_000, 250);
    const mine = sink.got.slice(fanFrom);
    const lost = mine.filter((g) => kindOf(g.messageId) === 'lost').map((g) => g.at).sort((a, b) => a - b);
    const won = mine.filter((g) => kindOf(g.messageId) === 'won').map((g) => g.at);
    const spanS = (lost[lost.length - 1]! - lost[0]!) / 1000;
    const perS = (lost.length - 1) / spanS;
    log(`draw → last winner notice ${((Math.max(...won) - drawAt) / 1000).toFixed(2)} s; first loser notice ${((lost[0]! - drawAt) / 1000).toFixed(2)} s after the draw call (winners first: ${Math.max(...won) <= lost[0]!})`);
    const gaps = lost.slice(1).map((t, i) => t - lost[i]!);
    const lagging = gaps.filter((g) => g > (3000 / RATE)).length;
    const thirds = [0, 1, 2].map((k) => { const a = lost[Math.floor((k * lost.length) / 3)]!; const z = lost[Math.floor(((k + 1) * lost.length) / 3) - 1]!; return ((lost.length / 3 - 1) / ((z - a) / 1000)).toFixed(1); });
    log(`arrival: per third ${thirds.join(' / ')} /s; ${lagging} gaps longer than 3 send intervals, longest ${Math.max(...gaps)} ms`);
    log(`fan-out: ${lost.length} of ${losers} losers in ${spanS.toFixed(1)} s = ${perS.toFixed(1)}/s at a configured ${RATE}/s (${((perS / RATE - 1) * 100).toFixed(1)}%); sink accepts ${smtpAccept.toFixed(0)}/s`);
    console.log(`RESULT ${JSON.stringify({ notices_per_s: Number(perS.toFixed(2)), configured_per_s: RATE, smtp_accept_per_s: Number(smtpAccept.toFixed(1)), entries: N, losers_notified: lost.length, winners_first: Math.max(...won) <= lost[0]! })}`);
  } finally {
    await fd.stop();
    await restate.dispose();
    await sink.close();
  }
}

await main();
process.exit(0);
