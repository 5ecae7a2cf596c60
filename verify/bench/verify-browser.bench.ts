/**
 * `npm run bench:verify-browser` — a 1M-entry draw (on real quicknet round 1000, so the BLS check
 * runs with the built-in key) verified on the /verify page in headless Chromium, beside the Node
 * CLI (`fairdrop-verify RECORD ENTRIES`) on the same snapshot, in the same run. The snapshot is
 * built in-process (not seeded through Restate). Peak memory is the page's renderer process
 * (its Web Worker runs there): VmHWM from /proc. BLS verification of one round is timed in Node
 * (cold, then warm) and in Chromium's worker (cold).
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { QUICKNET, beaconSourceOf, runDraw, verifyRound } from '@fairdrop/sdk/draw';
import { makeEntries } from '../../sdk/bench/workload.js';
import { closesAtFor, round } from '../../sdk/test/beacon-fixture.js';
import { verifyPageRoutes } from '../../server/src/http/routes/verify-page.js';
import { chromiumForTests } from '../../tools/chromium.mjs';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const CLI = fileURLToPath(new URL('../../sdk/bin/fairdrop-verify.js', import.meta.url));
const ms = (t0: number) => Math.round(performance.now() - t0);

// 1. The snapshot and its record, built here.
const dir = mkdtempSync(join(tmpdir(), 'fairdrop-verify-bench-'));
const t0 = performance.now();
const r1000 = round(1000);
const list = makeEntries(N);
const { record, entries } = runDraw({
  dropId: 'bench_1m', secret: '5a'.repeat(32), inventory: 1000, backupCount: 1000, entries: list,
  beaconSource: beaconSourceOf(QUICKNET), beaconRound: 1000, beaconSignature: r1000.signature, closesAt: new Date(closesAtFor(QUICKNET, 1000)).toISOString(),
});
writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
await new Promise<void>((resolve, reject) => {
  const out = createWriteStream(join(dir, 'entries.ndjson'));
  out.on('error', reject);
  const CHUNK = 10_000;
  let i = 0;
  const pump = () => {
    while (i < list.length) {
      let text = '';
      for (const end = Math.min(list.length, i + CHUNK); i < end; i++) text += JSON.stringify(list[i]) + '\n';
      if (!out.write(text)) return void out.once('drain', pump);
    }
    out.end(resolve);
  };
  pump();
});
console.log(`built ${N.toLocaleString('en')} entries (${entries.size} canonical), record and NDJSON snapshot in ${ms(t0)} ms → ${dir}`);

// 2. BLS in Node.
let t = performance.now();
verifyRound(QUICKNET, 1000, r1000.signature);
const blsNodeCold = performance.now() - t;
const warm: number[] = [];
for (let i = 0; i < 5; i++) { t = performance.now(); verifyRound(QUICKNET, 1000, r1000.signature); warm.push(performance.now() - t); }
const blsNodeWarm = warm.sort((a, b) => a - b)[2]!;

// 3. The CLI on the files.
const cliRun = () => new Promise<{ ms: number; code: number; out: string }>((resolve) => {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, join(dir, 'record.json'), join(dir, 'entries.ndjson')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('exit', (code) => resolve({ ms: ms(start), code: code ?? 2, out }));
});
const cli = await cliRun();
if (cli.code !== 0) throw new Error(`the CLI did not verify the bench draw:\n${cli.out}`);
console.log(`CLI: ${cli.ms} ms (wall, includes Node + tsx start-up), exit ${cli.code}: ${cli.out.split('\n')[0]}`);

// 4. The page, served the way the API role serves it, the files streamed from disk.
const app = new Hono();
app.route('/verify', verifyPageRoutes());
app.get('/v1/public/drops/bench_1m/record', (c) => c.body(readFileSync(join(dir, 'record.json')), 200, { 'content-type': 'application/json' }));
app.get('/v1/public/drops/bench_1m/snapshot', (c) => c.body(Readable.toWeb(createReadStream(join(dir, 'entries.ndjson'))) as ReadableStream, 200, { 'content-type': 'application/x-ndjson' }));
const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/verify/bench_1m`;
// launchServer, so the browser's own process id is known (other browsers may run on this machine).
const { executablePath, args, env } = chromiumForTests();
const browserServer = await chromium.launchServer({ executablePath, args, env });
const browser = await chromium.connect(browserServer.wsEndpoint());
const page = await browser.newPage();
const start = performance.now();
await page.goto(url);
await page.waitForFunction(() => document.documentElement.dataset.state !== 'running', null, { timeout: 600_000, polling: 200 });
const browserMs = ms(start);
const ds = await page.evaluate(() => ({ ...document.documentElement.dataset }));
const verdict = await page.textContent('.verdict');
const peakMb = rendererPeakMb(browserServer.process().pid);
const version = browser.version();
await browser.close();
await browserServer.close();
await new Promise<void>((r) => { (server as unknown as { closeAllConnections(): void }).closeAllConnections(); server.close(() => r()); });
rmSync(dir, { recursive: true, force: true });
if (ds.state !== 'done' || !/checks out/.test(verdict ?? '')) throw new Error(`the page did not verify the bench draw: ${ds.state} ${verdict}`);

console.log(`browser: ${browserMs} ms from navigation to every check shown (the page's own count: ${ds.ms} ms = download + parse ${ds.parseMs} ms, recompute ${ds.computeMs} ms, BLS ${ds.blsMs} ms); renderer peak ${peakMb} MB`);
console.log(`BLS verify of one quicknet round: Node ${blsNodeCold.toFixed(1)} ms cold, ${blsNodeWarm.toFixed(1)} ms warm (median of 5); Chromium worker ${ds.blsMs} ms cold`);
console.log(`ran on: Node ${process.version}, Chromium ${version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; browser/CLI = ${(browserMs / cli.ms).toFixed(2)} (target ≤ 2)`);
console.log(`RESULT ${JSON.stringify({ n: N, browser_ms: browserMs, cli_ms: cli.ms, browser_peak_mb: peakMb, bls_verify_ms: Number(ds.blsMs), bls_verify_node_ms: Math.round(blsNodeCold * 10) / 10, bls_verify_node_warm_ms: Math.round(blsNodeWarm * 10) / 10, ratio: Math.round((browserMs / cli.ms) * 100) / 100 })}`);

/** Largest VmHWM (peak resident set) among the browser's renderer processes, in MB. */
function rendererPeakMb(browserPid: number | undefined): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (browserPid !== undefined && !isDescendant(ppid, browserPid)) continue;
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch { /* gone */ }
  }
  return Math.round(peak);
}

function isDescendant(pid: number, ancestor: number): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 10; hops++) {
    if (p === ancestor) return true;
    try { p = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1]); } catch { return false; }
  }
  return false;
}
