import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/bus/memory.js';
import { createSseApp, type SseApp } from '../../src/http/sse/index.js';
import { KEY, makeDrop, ORIGIN, stubDeps } from './helpers.js';

let bus: MemoryBus;
let deps: ReturnType<typeof stubDeps>;
let app: SseApp;

beforeEach(() => {
  bus = new MemoryBus();
  deps = stubDeps(bus);
  deps.state.drops.set('d1', { merchantId: 'm1', drop: makeDrop('d1', 1) });
  app = createSseApp(deps);
});

afterEach(async () => {
  app.close();
  await bus.close();
});

const get = (path: string, headers: Record<string, string> = { Origin: ORIGIN }) => app.request(path, { headers });

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  return body;
}

describe('stream errors are problem documents', () => {
  it('rejects a bad publishable key with 401 unauthorized', async () => {
    const body = await expectProblem(await get('/v1/public/drops/d1/events?key=pk_wrong'), 401, 'unauthorized');
    expect(body.detail).toBe('Unknown publishable key.');
  });

  it('rejects a missing key on the active-drops stream too', async () => {
    await expectProblem(await get('/v1/public/events'), 401, 'unauthorized');
  });

  it("answers refusals under the API's one CORS policy, so the page can read the problem", async () => {
    // Access is decided by the key against the merchant's allow-list, not by CORS (no credentials are involved).
    const res = await get('/v1/public/drops/d1/events?key=pk_wrong', { Origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(res.headers.get('vary')).toContain('Origin');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('puts the request id in the header and the problem document, and keeps a valid incoming one', async () => {
    const res = await get('/v1/public/drops/d1/events?key=pk_wrong', { Origin: ORIGIN, 'X-Request-Id': 'req-abc-123' });
    const body = await expectProblem(res, 401, 'unauthorized');
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    expect(body.requestId).toBe('req-abc-123');
    const fresh = await get('/v1/public/nope');
    const freshBody = await expectProblem(fresh, 404, 'not_found');
    expect(freshBody.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get('x-request-id')).toBe(freshBody.requestId);
  });

  it('answers 404 drop_not_found for an unknown drop', async () => {
    const res = await get(`/v1/public/drops/nope/events?key=${KEY}`);
    await expectProblem(res, 404, 'drop_not_found');
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(app.connections).toBe(0);
  });

  it("answers 404 for another merchant's drop", async () => {
    await expectProblem(await get('/v1/public/drops/d1/events?key=pk_test_other'), 404, 'drop_not_found');
  });

  it('answers 400 validation_failed for a malformed drop id', async () => {
    await expectProblem(await get(`/v1/public/drops/${'x'.repeat(65)}/events?key=${KEY}`), 400, 'validation_failed');
  });

  it('passes a shopper token error through with its own code', async () => {
    await expectProblem(await get(`/v1/public/drops/d1/events?key=${KEY}&shopper=bad`), 401, 'shopper_token_invalid');
  });

  it('turns an unexpected failure into 500 internal_error and reports it', async () => {
    const seen: unknown[] = [];
    app.close();
    app = createSseApp({ ...deps, getDrop: async () => Promise.reject(new Error('db down')), onError: (e) => seen.push(e) });
    const body = await expectProblem(await get(`/v1/public/drops/d1/events?key=${KEY}`), 500, 'internal_error');
    expect(JSON.stringify(body)).not.toContain('db down');
    expect(seen).toHaveLength(1);
  });

  it('answers a CORS preflight for the stream headers', async () => {
    const res = await app.request('/v1/public/drops/d1/events', { method: 'OPTIONS', headers: { Origin: ORIGIN } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('Last-Event-ID');
  });
});
