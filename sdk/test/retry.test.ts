import { describe, expect, it } from 'vitest';
import { withRetries, createPublicClient } from '@fairdrop/sdk';

const problem = (status: number, code: string, retryAfter?: string) => new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, detail: `${code} detail` }), {
  status, headers: { 'content-type': 'application/problem+json', ...(retryAfter !== undefined && { 'retry-after': retryAfter }) },
});
const ok = () => new Response(JSON.stringify({ serverTime: '2030-01-01T00:00:00.000Z', epochMs: 1 }), { status: 200, headers: { 'content-type': 'application/json' } });

function script(...steps: Array<Response | Error>) {
  const seen: Request[] = [];
  const fetch = async (r: Request) => {
    seen.push(r);
    const next = steps.shift();
    if (!next) throw new Error('no more steps');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, seen };
}

const sleeps: number[] = [];
const sleep = async (ms: number) => { sleeps.push(ms); };

describe('retries', () => {
  it('retries 429 and 503, honouring Retry-After', async () => {
    sleeps.length = 0;
    const s = script(problem(429, 'rate_limited', '2'), problem(503, 'unavailable'), ok());
    const res = await withRetries(s.fetch, { sleep, random: () => 0 })(new Request('http://x/v1/public/time'));
    expect(res.status).toBe(200);
    expect(s.seen).toHaveLength(3);
    expect(sleeps).toEqual([2000, 250]); // Retry-After, then backoff step 2 (500) halved by zero jitter
  });

  it('gives up after the last retry and returns the problem as a typed error', async () => {
    const s = script(problem(503, 'unavailable'), problem(503, 'unavailable'), problem(503, 'unavailable'));
    const client = createPublicClient({ baseUrl: 'http://x', fetch: s.fetch, retry: { retries: 2, sleep } });
    const r = await client.time();
    expect(s.seen).toHaveLength(3);
    expect(r.error).toMatchObject({ code: 'unavailable', status: 503, detail: 'unavailable detail' });
  });

  it('does not wait longer than maxDelayMs for a Retry-After', async () => {
    const s = script(problem(429, 'rate_limited', '3600'));
    const res = await withRetries(s.fetch, { sleep })(new Request('http://x/'));
    expect(res.status).toBe(429);
    expect(s.seen).toHaveLength(1);
  });

  it('retries network errors of GETs and of POSTs with an Idempotency-Key, not other POSTs', async () => {
    const get = script(new TypeError('fetch failed'), ok());
    expect((await withRetries(get.fetch, { sleep })(new Request('http://x/'))).status).toBe(200);
    const keyed = script(new TypeError('fetch failed'), ok());
    const post = new Request('http://x/', { method: 'POST', body: '{"a":1}', headers: { 'idempotency-key': 'k1' } });
    expect((await withRetries(keyed.fetch, { sleep })(post)).status).toBe(200);
    expect(await keyed.seen[1]!.text()).toBe('{"a":1}'); // the body is replayed
    const plain = script(new TypeError('fetch failed'), ok());
    await expect(withRetries(plain.fetch, { sleep })(new Request('http://x/', { method: 'POST', body: '{}' }))).rejects.toThrow('fetch failed');
  });

  it('does not repeat a POST without an Idempotency-Key after a 503, which may come after the work was done', async () => {
    const s = script(problem(503, 'unavailable'), ok());
    const res = await withRetries(s.fetch, { sleep })(new Request('http://x/v1/drops/d/purchases/confirm', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(503);
    expect(s.seen).toHaveLength(1);
    const limited = script(problem(429, 'rate_limited', '0'), ok());
    expect((await withRetries(limited.fetch, { sleep })(new Request('http://x/', { method: 'POST', body: '{}' }))).status).toBe(200);
  });

  it('sends one Idempotency-Key per register call, the same on every retry', async () => {
    const s = script(problem(503, 'unavailable'), new Response('{}', { status: 201, headers: { 'content-type': 'application/json' } }));
    const client = createPublicClient({ baseUrl: 'http://x', publishableKey: 'pk_a_0123456789', anonymousId: 'anon_0123456789abcdef', fetch: s.fetch, retry: { sleep } });
    await client.register('drp_1', { tickets: 1, pow: { challenge: 'c', nonce: 1 } });
    const keys = s.seen.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(s.seen[0]!.headers.get('fairdrop-key')).toBe('pk_a_0123456789');
    expect(s.seen[0]!.headers.get('fairdrop-anonymous-id')).toBe('anon_0123456789abcdef');
  });
});
