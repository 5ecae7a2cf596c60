/**
 * Notices under failure: an SMTP relay that refuses (451) and then accepts gets the notice exactly
 * once, recorded with its attempts; a restate-server restart in the middle of the loser fan-out
 * still gives every loser exactly one "not this time".
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, sk, openDrop, drawNow, waitFor, type Stack } from '../stack.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { useSmtp, enterWith } from './helpers.js';

let s: Stack;
beforeAll(async () => { s = await startStack(); }, 90_000);
afterAll(async () => { await s?.dispose(); });

async function enterMany(dropId: string, m: any, n: number, prefix: string): Promise<Map<string, string>> {
  const byEntry = new Map<string, string>();
  for (let i = 0; i < n; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, async (_, k) => {
      const c = `${prefix}${i + k}`;
      const r = await enterWith(s.client, m, dropId, c, { email: `${c}@example.com` });
      if (r.status !== 201) throw new Error(`register ${c}: ${r.status} ${JSON.stringify(r.body)}`);
      byEntry.set(r.body.entryId, `${c}@example.com`);
    }));
  }
  return byEntry;
}

describe('notices under failure', () => {
  let sink: SmtpSink;
  afterAll(async () => { await sink?.close(); });

  it('retries a relay that refuses twice, then delivers exactly once', async () => {
    sink = await smtpSink({ refuseFirst: 2 });
    const m = await s.client.merchant('Retry Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['entered'] });
    const d = await openDrop(s.client, m);
    const r = await enterWith(s.client, m, d.id, 'rita', { email: 'rita@example.com' });
    expect(r.status).toBe(201);
    let rec: any;
    await waitFor('entered sent', async () => (rec = (await s.client.req('GET', `/v1/drops/${d.id}/entries/${r.body.entryId}/notices`, { headers: sk(m) })).body.data[0])?.status === 'sent', 30_000);
    expect(sink.refused.get('rita@example.com')).toBe(2);
    expect(rec.attempts).toBeGreaterThanOrEqual(3);
    await new Promise((res) => setTimeout(res, 1500)); // a duplicate would arrive now
    expect(sink.to('rita@example.com')).toHaveLength(1);
  }, 60_000);
});

describe('a restate-server restart mid-fan-out', () => {
  let sink: SmtpSink;
  afterAll(async () => { await sink?.close(); });

  it('gives every loser exactly one notice', async () => {
    sink = await smtpSink();
    const m = await s.client.merchant('Restart Shop');
    await useSmtp(s.client, m, sink.port, { notices: ['lost'], ratePerSecond: 25 });
    const d = await openDrop(s.client, m, { inventory: 2 });
    const byEntry = await enterMany(d.id, m, 150, 'r');
    const record = await drawNow(s.client, m, d.id);
    const losers = [...byEntry].filter(([e]) => !record.winners.includes(e)).map(([, email]) => email);
    expect(losers).toHaveLength(148);
    await sink.waitFor((g) => g.length >= 25, 30_000);
    await s.restate.stop();
    const during = sink.got.length;
    await new Promise((res) => setTimeout(res, 1000));
    await s.restate.start();
    await sink.waitFor((g) => new Set(g.flatMap((x) => x.rcptTo)).size >= losers.length, 90_000);
    await new Promise((res) => setTimeout(res, 2000)); // let any duplicate arrive
    console.log(`restart mid-fan-out: ${during} of ${losers.length} notices had arrived when restate stopped`);
    expect(during).toBeLessThan(losers.length);
    for (const email of losers) expect(sink.to(email), email).toHaveLength(1);
    expect(sink.got).toHaveLength(losers.length);
    const jobs = await s.client.req('GET', `/v1/drops/${d.id}/notices`, { headers: sk(m) });
    expect(jobs.body.data[0]).toMatchObject({ kind: 'lost', status: 'done', processed: 150, dispatched: 148 });
  }, 180_000);
});
