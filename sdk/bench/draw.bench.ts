/**
 * `npm run bench:draw` — fairdrop-draw-v1 at N = 10k, 100k, 1M entries (weights 1..100),
 * 10k winners + 10k backups. Each N runs in its own child process so its peak RSS is
 * its own. root_ms includes validation, the canonical (bytewise) sort and all hashing;
 * select_ms is seed + stream + Fenwick selection + id decoding; total = root + select.
 * Baselines measured in the same run: the naive O(N·K) selection (10k), @noble/hashes
 * vs node:crypto hashing, and Array.prototype.sort vs the radix canonical sort.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import {
  canonicalize, entryIdAt, sortCanonical, merkleRoot, seedOf, selectWeighted, sha256, sha256Backend, DrawStream,
} from '@fairdrop/sdk/draw';
import { makeEntries, naiveSelect } from './workload.js';

const SIZES = [10_000, 100_000, 1_000_000];
const WINNERS = 10_000;
const BACKUPS = 10_000;
const SECRET = new Uint8Array(32).fill(7);

interface Figures { n: number; root_ms: number; select_ms: number; total_ms: number; peak_rss_mb: number; sort_ms: number }

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

/** Child: one N, one measurement, one JSON line on stdout. */
function measure(n: number): Figures {
  const list = makeEntries(n);
  const t0 = performance.now();
  const entries = canonicalize(list);
  const sortMs = ms(t0);
  const root = merkleRoot(entries);
  const rootMs = ms(t0);
  const t1 = performance.now();
  const seed = seedOf('bench', SECRET, root, new Uint8Array(0));
  const winners = Math.min(WINNERS, n);
  const k = Math.min(n, winners + BACKUPS);
  const picks = selectWeighted(entries.weights, entries.totalWeight, k, new DrawStream(seed));
  const ids = Array.from(picks, (i) => entryIdAt(entries, i));
  const selectMs = ms(t1);
  if (ids.length !== k) throw new Error('selection returned the wrong count');
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  return { n, root_ms: rootMs, select_ms: selectMs, total_ms: Math.round((rootMs + selectMs) * 10) / 10, peak_rss_mb: peak, sort_ms: sortMs };
}

function runChild(mode: string, n: number): string {
  const self = fileURLToPath(import.meta.url);
  const res = spawnSync(process.execPath, [...process.execArgv, self, mode, String(n)], { encoding: 'utf8', timeout: 120_000 });
  if (res.status !== 0) throw new Error(`child ${mode} ${n} failed: ${res.stderr}`);
  return res.stdout.trim().split('\n').pop()!;
}

/** Baseline 1: naive O(N·K) selection against the Fenwick tree on the same 10k draw. */
function selectionBaseline(): { naive: number; fenwick: number } {
  const entries = canonicalize(makeEntries(10_000));
  const seed = seedOf('bench', SECRET, merkleRoot(entries), new Uint8Array(0));
  const k = 10_000;
  let t = performance.now();
  const fast = selectWeighted(entries.weights, entries.totalWeight, k, new DrawStream(seed));
  const fenwick = ms(t);
  t = performance.now();
  const slow = naiveSelect(entries.weights, entries.totalWeight, k, new DrawStream(seed));
  const naive = ms(t);
  if (fast.some((v, i) => slow[i] !== v)) throw new Error('naive and Fenwick selections disagree');
  return { naive, fenwick };
}

/** Baseline 2: 200k node-shaped (65-byte) hashes with @noble/hashes and with `#sha256`. */
function hashBaseline(): { noble: number; node: number } {
  const buf = new Uint8Array(65);
  const time = (f: (b: Uint8Array) => Uint8Array) => {
    const t = performance.now();
    for (let i = 0; i < 200_000; i++) {
      buf[1] = i & 0xff;
      f(buf);
    }
    return ms(t);
  };
  time(sha256);
  return { noble: time(nobleSha256), node: time(sha256) };
}

/**
 * Baseline 3, on the same 1M ids: Array.prototype.sort (UTF-16 order, equal to bytewise
 * order for these ASCII ids) against the radix sort over packed bytes.
 */
function sortBaseline(n: number): { builtin: number; radix: number } {
  const ids = makeEntries(n).map((e) => e.entryId);
  const offsets = new Uint32Array(n + 1);
  const bytes = new Uint8Array(ids.reduce((a, id) => a + id.length, 0));
  let at = 0;
  ids.forEach((id, i) => {
    for (let k = 0; k < id.length; k++) bytes[at++] = id.charCodeAt(k);
    offsets[i + 1] = at;
  });
  let t = performance.now();
  sortCanonical(bytes, offsets, n);
  const radix = ms(t);
  t = performance.now();
  ids.sort();
  return { builtin: ms(t), radix };
}

function main(): void {
  const [mode, arg] = process.argv.slice(2);
  if (mode === '--child') return void console.log(JSON.stringify(measure(Number(arg))));
  if (mode === '--sort-baseline') return void console.log(JSON.stringify(sortBaseline(Number(arg))));
  const cpu = cpus();
  console.log(`machine: ${cpu.length} x ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, sha256 ${sha256Backend}`);
  console.log(`workload: weights 1..100, 16-char base62 ids, ${WINNERS} winners + ${BACKUPS} backups; root includes validation + canonical sort`);
  let last: Figures | undefined;
  for (const n of SIZES) {
    last = JSON.parse(runChild('--child', n)) as Figures;
    console.log(`N=${n.toLocaleString('en')}: root ${last.root_ms} ms (of which validation + canonical order ${last.sort_ms} ms), select ${last.select_ms} ms, total ${last.total_ms} ms, peak RSS ${last.peak_rss_mb} MB`);
  }
  const sel = selectionBaseline();
  console.log(`baseline selection N=10k K=10k: naive O(N·K) ${sel.naive} ms vs Fenwick ${sel.fenwick} ms -> ${(sel.naive / sel.fenwick).toFixed(1)}x faster`);
  const h = hashBaseline();
  console.log(`baseline hashing 200k x 65 B: @noble/hashes ${h.noble} ms vs ${sha256Backend} ${h.node} ms -> ${(h.noble / h.node).toFixed(2)}x faster`);
  const sort = JSON.parse(runChild('--sort-baseline', 1_000_000)) as { builtin: number; radix: number };
  console.log(`baseline sort 1M ids: Array.prototype.sort ${sort.builtin} ms vs radix sort ${sort.radix} ms -> ${(sort.builtin / sort.radix).toFixed(1)}x faster`);
  const { n, root_ms, select_ms, total_ms, peak_rss_mb } = last!;
  console.log(`RESULT ${JSON.stringify({ n, root_ms, select_ms, total_ms, peak_rss_mb })}`);
}

main();
