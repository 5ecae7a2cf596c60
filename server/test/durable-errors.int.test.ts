/**
 * Durable failures as the HTTP caller sees them, against a real restate-server: a handler that fails
 * for good (a TerminalError: here a draw whose input the draw rejects) answers with its own code,
 * `permanent_failure`, not "503, retry"; an ingress nobody answers on is `unavailable` with Retry-After.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startStack, sk, type Stack } from './stack.js';
import { freePort } from './harness.js';
import { DurableClient } from '../src/http/durable-client.js';
import { FairdropError } from '../src/core/errors.js';
import type { Merchant } from './client.js';

let stack: Stack;
let m: Merchant;
beforeAll(async () => {
  stack = await startStack();
  m = await stack.client.merchant();
}, 90_000);
afterAll(async () => { await stack?.dispose(); });

describe('durable failures over HTTP', () => {
  it('answers a draw that can never run with permanent_failure, without Retry-After', async () => {
    const durable = new DurableClient(stack.restate.ingressUrl);
    const now = Date.now();
    const dropId = `drpTerminal${now}`;
    // Created behind the API's back: no request the API accepts can make the draw reject its input.
    await durable.drop(dropId).create({
      id: dropId, merchantId: m.merchant.id, name: 'Broken', inventory: -1, opensAt: now, closesAt: now + 600_000, purchaseWindowSeconds: 60,
      maxTickets: 1, backupCount: 0, loyaltyMultipliers: {}, rollover: { enabled: false, cap: 0 }, allowAnonymous: true, beacon: 'none',
      trustThreshold: 0, powDifficulty: 1, shards: 4,
    });
    const r = await stack.client.req('POST', `/v1/drops/${dropId}/draw`, { headers: sk(m) });
    expect(r.status).toBe(500);
    expect(r.body.code).toBe('permanent_failure');
    expect(r.body.detail).toContain('draw input rejected');
    expect(r.headers.get('retry-after')).toBeNull();
  });

  it('reports an ingress that does not answer as unavailable, retry after a second', async () => {
    const durable = new DurableClient(`http://127.0.0.1:${await freePort()}`);
    const err = await durable.drop('drpNobodyHome').get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FairdropError);
    expect(err).toMatchObject({ code: 'unavailable', status: 503, extra: { retryAfterSeconds: 1 } });
  });
});
