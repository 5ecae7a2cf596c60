/**
 * A 10k-entry drop: every loser gets exactly one "not this time", and every winner's notice arrives
 * before the first loser's. (Throughput against the configured rate is measured by
 * `npm run bench:notify`, not asserted here.)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, sk, openDrop, drawNow, waitFor, type Stack } from '../stack.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { useSmtp } from './helpers.js';
import { seedWithContacts, kindOf } from './bulk.js';

const N = 10_000;
let s: Stack; let sink: SmtpSink;
beforeAll(async () => { [s, sink] = await Promise.all([startStack(), smtpSink({ parse: false })]); }, 90_000);
afterAll(async () => { await s?.dispose(); await sink?.close(); });

describe('a 10k-entry drop', () => {
  it('notifies all losers once, winners first', async () => {
    const m = await s.client.merchant('Big Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['won', 'lost'], ratePerSecond: 1000 });
    const d = await openDrop(s.client, m, { inventory: 10 }, 600_000);
    const emails = await seedWithContacts(s.restate.ingressUrl, m.merchant.id, d, N, 4);
    const record = await drawNow(s.client, m, d.id);
    expect(record.entryCount).toBe(N);
    const losers = N - record.winners.length;
    await sink.waitFor((g) => g.length >= N, 400_000);
    await new Promise((r) => setTimeout(r, 2000));
    const won = sink.got.filter((g) => kindOf(g.messageId) === 'won');
    const lost = sink.got.filter((g) => kindOf(g.messageId) === 'lost');
    expect(won.map((g) => g.rcptTo[0]).sort()).toEqual(record.winners.map((e: string) => emails.get(e)).sort());
    expect(lost).toHaveLength(losers);
    expect(new Set(lost.map((g) => g.rcptTo[0])).size).toBe(losers);
    expect(sink.got).toHaveLength(N);
    expect(Math.max(...won.map((g) => g.at))).toBeLessThanOrEqual(Math.min(...lost.map((g) => g.at)));
    await waitFor('job done', async () => (await s.client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) })).body.data[0]?.status === 'done');
    const jobs = await s.client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) });
    expect(jobs.body.data[0]).toMatchObject({ processed: N, dispatched: losers });
    const wl = sink.got.map((g) => g.at);
    console.log(`10k fan-out: ${losers} losers in ${((Math.max(...wl) - Math.min(...lost.map((g) => g.at))) / 1000).toFixed(1)} s (configured 1000/s)`);
  }, 480_000);
});
