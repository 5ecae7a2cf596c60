/**
 * Scale-out on one real NATS: a worker, an API process and two SSE processes, each its own
 * child process. A client on each SSE process receives the same drop events, published by the
 * worker. Needs NATS_URL (CI sets it); without it the in-process bus cannot cross processes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { restateServer, fairdropProcess, registerDeployment, type RestateServer, type FairdropProcess } from './harness.js';
import { TestClient } from './client.js';
import { baseEnv, sk, enter, openStream, type Stream } from './stack.js';
import type { SseEvent } from './sse/helpers.js';

const natsUrl = process.env.NATS_URL;
if (!natsUrl) console.warn('scale-out.int.test.ts skipped: set NATS_URL (e.g. nats://127.0.0.1:4222) to run the multi-process NATS fan-out test.');

let restate: RestateServer; const procs: FairdropProcess[] = [];
let api: FairdropProcess; let sse: FairdropProcess[]; let client: TestClient;

beforeAll(async () => {
  if (!natsUrl) return;
  restate = await restateServer();
  const env = baseEnv(restate, { NATS_URL: natsUrl });
  const [worker, apiP, sse1, sse2] = await Promise.all(['worker', 'api', 'sse', 'sse'].map((role) => fairdropProcess(role, env)));
  procs.push(worker!, apiP!, sse1!, sse2!);
  await registerDeployment(restate.adminUrl, worker!.endpointUrl);
  [api, sse] = [apiP!, [sse1!, sse2!]];
  client = new TestClient(api.apiUrl);
}, 90_000);
afterAll(async () => { await Promise.all(procs.map((p) => p.stop())); await restate?.dispose(); });

async function phaseEvent(stream: Stream, phase: string): Promise<SseEvent> {
  for (;;) {
    const ev = await stream.next('drop', 20_000);
    if (ev.json?.drop?.phase === phase) return ev;
  }
}

describe.skipIf(!natsUrl)('two SSE processes on one NATS', () => {
  it('both deliver the same drop events, published by a separate worker', async () => {
    expect(procs.map((p) => p.output().match(/"role":"(\w+)"/)?.[1])).toEqual(['worker', 'api', 'sse', 'sse']);
    expect(procs.every((p) => p.output().includes('"bus":"nats"'))).toBe(true);
    const m = await client.merchant();
    const d = await client.drop(m, { inventory: 1 }, 1500, 60_000);
    const streams = await Promise.all(sse.map((p) => openStream(`${p.sseUrl}/v1/public/drops/${d.id}/events?key=${m.publishableKey}`)));
    try {
      const opened = await Promise.all(streams.map((st) => phaseEvent(st, 'registration')));
      expect(opened[1]!.id).toBe(opened[0]!.id);
      expect(opened[1]!.json!.drop).toEqual({ ...opened[0]!.json!.drop, serverTime: opened[1]!.json!.drop!.serverTime });

      await enter(client, m, d.id, 'solo');
      const draw = await client.req('POST', `/v1/drops/${d.id}/draw`, { headers: sk(m) });
      expect(draw.status).toBe(200);
      const drawn = await Promise.all(streams.map((st) => phaseEvent(st, 'purchase')));
      expect(drawn[1]!.id).toBe(drawn[0]!.id);
      expect(drawn.map((e) => e.json!.drop!.draw!.root)).toEqual([draw.body.root, draw.body.root]);
    } finally {
      await Promise.all(streams.map((st) => st.close()));
    }
  }, 60_000);
});
