/**
 * The registration bot guard end to end: the optional FingerprintJS Pro server check (against a
 * local stand-in of its Server API — the real service is unreachable here), single-use PoW
 * challenges, and a challenge difficulty that rises when one client asks for many.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { solvePowReference } from '@fairdrop/sdk/pow';
import { freePort } from './harness.js';
import { humanSignals } from './client.js';
import { startStack, openDrop, enter, type Stack } from './stack.js';

const PRO_SECRET = 'fp-pro-test-secret';
let s: Stack; let standIn: Server; const proCalls: Array<{ url: string; key: string | undefined }> = [];

beforeAll(async () => {
  // Stand-in for GET {FINGERPRINT_PRO_URL}/events/{requestId}: "bot_*" ids are bad bots, "human_*" are not.
  const port = await freePort();
  standIn = createServer((req, res) => {
    proCalls.push({ url: req.url ?? '', key: req.headers['auth-api-key'] as string | undefined });
    if (req.headers['auth-api-key'] !== PRO_SECRET) return void res.writeHead(403).end();
    const id = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    if (id.startsWith('missing')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ products: { botd: { data: { bot: { result: id.startsWith('bot_') ? 'bad' : 'notDetected' } } } } }));
  });
  await new Promise<void>((r) => standIn.listen(port, '127.0.0.1', r));
  s = await startStack({ FINGERPRINT_PRO_SECRET: PRO_SECRET, FINGERPRINT_PRO_URL: `http://127.0.0.1:${port}`, FAIRDROP_RATE_BURST: '200', FAIRDROP_RATE_PER_SECOND: '1' });
}, 90_000);
afterAll(async () => { await s?.dispose(); await new Promise((r) => standIn?.close(r)); });

const pro = (proRequestId: string) => ({ fingerprint: { ...humanSignals.fingerprint, proRequestId } });

describe.concurrent('bot guard', () => {
  it('uses the FingerprintJS Pro verdict when a server secret is configured', async () => {
    const { client } = s;
    const m = await client.merchant();
    // At threshold 70 a bad-bot verdict (fingerprint part 0 → score 60) fails; a human one passes.
    const d = await openDrop(client, m, { trustThreshold: 70 });
    expect(await enter(client, m, d.id, 'person', pro('human_req_1'))).toMatchObject({ trustScore: 100 });
    const bot = await client.register(m, d.id, 'scripted', pro('bot_req_1'));
    expect([bot.status, bot.body.code]).toEqual([403, 'bot_check_failed']);
    // An unknown request id fails open to the in-house fingerprint.
    expect(await enter(client, m, d.id, 'unknown', pro('missing_req_1'))).toMatchObject({ trustScore: 100 });
    const mine = proCalls.filter((c) => /_req_1$/.test(c.url));
    expect(mine.map((c) => c.url).sort()).toEqual(['/events/bot_req_1', '/events/human_req_1', '/events/missing_req_1']);
    expect(mine.every((c) => c.key === PRO_SECRET)).toBe(true);
  });

  it('accepts each PoW challenge once', async () => {
    const { client } = s;
    const m = await client.merchant();
    const d = await openDrop(client, m);
    const h = await client.shopperHeaders(m, 'reuser');
    const ch = (await client.req('POST', `/v1/public/drops/${d.id}/challenge`, { headers: h })).body;
    const pow = { challenge: ch.challenge, nonce: solvePowReference(ch.prefix, ch.difficulty)! };
    // A first attempt that fails the trust score still uses the challenge up.
    const weak = await client.req('POST', `/v1/public/drops/${d.id}/entries`, { headers: h, body: { tickets: 1, pow } });
    expect(weak.body.code).toBe('bot_check_failed');
    const replay = await client.req('POST', `/v1/public/drops/${d.id}/entries`, { headers: h, body: { tickets: 1, pow, ...humanSignals } });
    expect([replay.status, replay.body.code]).toEqual([400, 'pow_invalid']);
    expect((await client.register(m, d.id, 'reuser')).status).toBe(201); // a fresh challenge works
  });

});

// Alone, so that the other tests' challenges do not share this client's (127.0.0.1) budget meanwhile.
describe('challenge difficulty', () => {
  it('rises for a client that asks for many challenges', async () => {
    const { client } = s;
    const m = await client.merchant();
    const d = await openDrop(client, m, { powDifficulty: 4 });
    const h = await client.shopperHeaders(m, 'hammer');
    const difficulties: number[] = [];
    for (let i = 0; i < 40; i++) difficulties.push((await client.req('POST', `/v1/public/drops/${d.id}/challenge`, { headers: h })).body.difficulty);
    expect(difficulties.at(-1)!).toBeGreaterThan(difficulties[0]!);
    expect(difficulties.at(-1)!).toBeGreaterThanOrEqual(6); // ~50 recent challenges: +3 bits over the drop's 4
    expect(difficulties).toEqual([...difficulties].sort((a, b) => a - b)); // it only rises within the burst
  });
});
