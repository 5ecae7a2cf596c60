/**
 * SSE fan-out benchmark (`npm run bench:sse`).
 *
 * In one run, for each N (default 1k, 5k, 10k and the largest the open-files limit allows):
 *   (a) a bare Hono `streamSSE` server that keeps a Set of streams and writes to each,
 *   (b) the Fairdrop SSE app (`createSseApp`) with the in-process bus and stub deps: a fixed
 *       drop state, so this measures the fan-out path, not auth or storage.
 * Each server runs in its own child process (so its RSS is its own, open-files limit raised
 * to the hard limit). N clients on 127.0.0.1 read the stream; we broadcast one drop event
 * and time until EVERY client has it (3 rounds, median), and take
 * RSS per connection = (RSS after connect − RSS before) / N, both after a forced GC.
 * Heartbeats are set to 60 s so they stay out of the measurement.
 * Last line: RESULT {json} for the largest N.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

type Kind = 'bare' | 'fairdrop';
type ToChild = { cmd: 'rss' } | { cmd: 'broadcast'; marker: string; version: number };
type FromChild = { ready: number } | { rss: number; conns: number } | { sent: true };

const DROP_ID = 'benchdrop';
const ORIGIN = 'http://127.0.0.1';
const PATH = `/v1/public/drops/${DROP_ID}/events?key=pk_bench`;
const ROUNDS = 3;

// ---------------------------------------------------------------- child: one server
async function runChild(kind: Kind): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { makeDrop } = await import('../test/sse/helpers.js');
  const server = kind === 'bare' ? await bareServer(makeDrop) : await fairdropServer(makeDrop);
  const s = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' }, () => {
    process.send!({ ready: (s.address() as AddressInfo).port } satisfies FromChild);
  });
  process.on('message', (m: ToChild) => {
    if (m.cmd === 'rss') {
      for (let i = 0; i < 3; i++) globalThis.gc?.();
      process.send!({ rss: process.memoryUsage().rss, conns: server.conns() } satisfies FromChild);
    } else {
      server.broadcast(m.marker, m.version);
      process.send!({ sent: true } satisfies FromChild);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

type MakeDrop = typeof import('../test/sse/helpers.js').makeDrop;
interface BenchServer {
  fetch: (req: Request) => Response | Promise<Response>;
  conns(): number;
  broadcast(marker: string, version: number): void;
}

async function bareServer(makeDrop: MakeDrop): Promise<BenchServer> {
  const { Hono } = await import('hono');
  const { streamSSE } = await import('hono/streaming');
  type Stream = Parameters<Parameters<typeof streamSSE>[1]>[0];
  const streams = new Set<Stream>();
  const app = new Hono();
  const event = (name: string, version: number) =>
    JSON.stringify({ type: 'drop', serverTime: new Date().toISOString(), drop: makeDrop(DROP_ID, version, { name }) });
  app.get('/v1/public/drops/:dropId/events', (c) =>
    streamSSE(c, async (stream) => {
      streams.add(stream);
      void stream.writeSSE({ event: 'drop', id: '1.0', data: event('Bench', 1) });
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      streams.delete(stream);
    }),
  );
  return {
    fetch: app.fetch,
    conns: () => streams.size,
    broadcast(marker, version) {
      const data = event(marker, version);
      for (const s of streams) void s.writeSSE({ event: 'drop', id: `${version}.0`, data });
    },
  };
}

async function fairdropServer(makeDrop: MakeDrop): Promise<BenchServer> {
  const { MemoryBus } = await import('../src/bus/memory.js');
  const { subjects } = await import('../src/bus/bus.js');
  const { createSseApp } = await import('../src/http/sse/index.js');
  const bus = new MemoryBus();
  const app = createSseApp({
    bus,
    now: Date.now,
    heartbeatMs: 60_000,
    getDrop: async () => ({ merchantId: 'm_bench', drop: makeDrop(DROP_ID, 1, { name: 'Bench' }) }),
    activeDrops: async () => [],
    authPublishable: async () => ({ merchantId: 'm_bench' }),
    shopperEntry: async () => null,
  });
  return {
    fetch: app.fetch,
    conns: () => app.connections,
    broadcast(marker, version) {
      void bus.publish(subjects.drop(DROP_ID), { kind: 'drop', merchantId: 'm_bench', reason: 'phase', drop: makeDrop(DROP_ID, version, { name: marker }) });
    },
  };
}

// ---------------------------------------------------------------- parent: clients
class Child {
  readonly proc: ChildProcess;
  #waiters: ((m: FromChild) => void)[] = [];
  constructor(kind: Kind, nofile: number) {
    const file = fileURLToPath(import.meta.url);
    const args = [process.execPath, '--conditions=source', '--import', 'tsx', '--expose-gc', file, '--child', kind];
    this.proc = spawn('bash', ['-c', `ulimit -n ${nofile} 2>/dev/null; exec "$@"`, 'bash', ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.proc.on('message', (m: FromChild) => this.#waiters.shift()?.(m));
  }
  next<T extends FromChild>(timeoutMs = 30_000): Promise<T> {
    return withTimeout(new Promise<T>((r) => this.#waiters.push(r as (m: FromChild) => void)), timeoutMs, 'child reply');
  }
  ask<T extends FromChild>(m: ToChild): Promise<T> {
    const reply = this.next<T>();
    this.proc.send(m);
    return reply;
  }
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    process.kill(this.proc.pid!, 'SIGTERM');
    await withTimeout(exited, 5000, 'child exit').catch(() => process.kill(this.proc.pid!, 'SIGKILL'));
  }
}

interface Clients {
  /** Resolves when every client has seen `marker`. */
  waitAll(marker: string, timeoutMs: number): Promise<void>;
  close(): void;
}

async function connectClients(port: number, n: number): Promise<Clients> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const reqs: http.ClientRequest[] = [];
  let watch: { marker: Buffer; seen: number; done: () => void } | null = null;
  const connectOne = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: PATH, agent, headers: { Origin: ORIGIN } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
        let tail: Buffer = Buffer.alloc(0);
        let counted: typeof watch = null;
        res.once('data', () => resolve());
        res.on('data', (chunk: Buffer) => {
          if (!watch || counted === watch) return;
          const hay = tail.length ? Buffer.concat([tail, chunk]) : chunk;
          if (hay.includes(watch.marker)) {
            counted = watch;
            if (++watch.seen === n) watch.done();
          }
          tail = hay.subarray(Math.max(0, hay.length - watch.marker.length));
        });
      });
      req.on('error', reject);
      reqs.push(req);
    });
  for (let i = 0; i < n; i += 500) await withTimeout(Promise.all(Array.from({ length: Math.min(500, n - i) }, connectOne)), 60_000, 'connect');
  return {
    waitAll: (marker, timeoutMs) =>
      withTimeout(new Promise<void>((done) => (watch = { marker: Buffer.from(marker), seen: 0, done })), timeoutMs, `all ${n} clients to get ${marker}`),
    close() {
      for (const r of reqs) r.destroy();
      agent.destroy();
    },
  };
}

interface Measure { broadcastMs: number; rounds: number[]; rssPerConnKb: number; connectMs: number }

async function measure(kind: Kind, n: number, nofile: number): Promise<Measure> {
  const child = new Child(kind, nofile);
  let clients: Clients | null = null;
  try {
    const { ready: port } = await child.next<{ ready: number }>();
    await new Promise((r) => setTimeout(r, 300));
    const before = await child.ask<{ rss: number; conns: number }>({ cmd: 'rss' });
    const t0 = performance.now();
    clients = await connectClients(port, n);
    const connectMs = performance.now() - t0;
    const after = await child.ask<{ rss: number; conns: number }>({ cmd: 'rss' });
    if (after.conns !== n) throw new Error(`${kind}: server holds ${after.conns} streams, expected ${n}`);
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const marker = `BCAST-${kind}-${n}-${r}-${Date.now()}`;
      const all = clients.waitAll(marker, 60_000);
      const start = performance.now();
      const sent = child.ask({ cmd: 'broadcast', marker, version: 2 + r });
      await all;
      rounds.push(performance.now() - start);
      await sent;
      await new Promise((res) => setTimeout(res, 200));
    }
    const sorted = [...rounds].sort((a, b) => a - b);
    return { broadcastMs: sorted[Math.floor(ROUNDS / 2)]!, rounds, rssPerConnKb: (after.rss - before.rss) / n / 1024, connectMs };
  } finally {
    clients?.close();
    await child.stop();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const t = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms)));
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const nofile = Number(execSync('ulimit -Hn', { shell: '/bin/bash' }).toString().trim()) || 20_000;
  const soft = Number(execSync('ulimit -n', { shell: '/bin/bash' }).toString().trim()) || 1024;
  const largest = Math.min(nofile, soft) - 1500;
  const sizes = process.env.SSE_BENCH_SIZES?.split(',').map(Number) ?? [1000, 5000, 10_000, largest].filter((n, i, a) => n > 0 && a.indexOf(n) === i);
  console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${round(os.totalmem() / 2 ** 30)} GiB, ${process.platform} ${os.release()}, node ${process.version}`);
  console.log(`load average ${os.loadavg().map((l) => round(l, 2)).join(' ')} (other work on these cores skews times); open files: soft ${soft}, hard ${nofile}`);
  console.log(`sizes ${sizes.join(', ')}; ${ROUNDS} broadcasts each, median reported; clients and servers on 127.0.0.1`);
  let last: Record<string, number> = {};
  for (const n of sizes) {
    const bare = await measure('bare', n, nofile);
    const fd = await measure('fairdrop', n, nofile);
    console.log(
      `N=${n}: broadcast fairdrop ${round(fd.broadcastMs)} ms [${fd.rounds.map((r) => round(r)).join(', ')}] vs bare ${round(bare.broadcastMs)} ms [${bare.rounds.map((r) => round(r)).join(', ')}] ratio ${round(fd.broadcastMs / bare.broadcastMs, 2)}; ` +
        `rss/conn fairdrop ${round(fd.rssPerConnKb)} KB vs bare ${round(bare.rssPerConnKb)} KB ratio ${round(fd.rssPerConnKb / bare.rssPerConnKb, 2)}; connect ${round(fd.connectMs / 1000, 2)} s vs ${round(bare.connectMs / 1000, 2)} s`,
    );
    last = { clients: n, broadcast_ms: round(fd.broadcastMs), bare_broadcast_ms: round(bare.broadcastMs), rss_per_conn_kb: round(fd.rssPerConnKb), bare_rss_per_conn_kb: round(bare.rssPerConnKb) };
  }
  const ok = last.broadcast_ms! <= 1.2 * last.bare_broadcast_ms! && last.rss_per_conn_kb! <= 1.2 * last.bare_rss_per_conn_kb!;
  console.log(`target (within 1.2× of bare on both at N=${last.clients}): ${ok ? 'met' : 'NOT met'}`);
  console.log(`RESULT ${JSON.stringify(last)}`);
}

if (process.argv[2] === '--child') await runChild(process.argv[3] as Kind);
else await main().catch((e) => { console.error(e); process.exitCode = 1; });
