/**
 * `fairdrop-verify RECORD.json ENTRIES.ndjson` (or `--api URL --drop ID`) — recompute a
 * published draw and say whether it checks out. Exit status: 0 verified, 1 the draw does not check out,
 * 2 usage or I/O error. Entries are streamed line by line, so a snapshot of a million
 * entries never sits in memory as text.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { chainFromInfo, entriesFromNdjsonLines, KNOWN_CHAINS, verifyDraw, type DrandChain, type VerifyResult } from '../draw/index.js';
import { fetchDraw } from './remote.js';

/** Where the CLI writes; injectable so tests need no global mocks. */
export interface CliIo {
  out: (line: string) => void;
  err: (text: string) => void;
  /** Show progress (stderr is a TTY, or --progress). */
  progress: boolean;
  /** Rewrite the progress line in place (TTY) instead of printing a line each time. */
  tty: boolean;
}

const USAGE = `usage: fairdrop-verify [--progress] [--beacon-key CHAIN.json] RECORD.json ENTRIES.ndjson
       fairdrop-verify [--progress] [--beacon-key CHAIN.json] --api URL --drop ID

  RECORD.json     the published draw record (fairdrop-draw-v1, DRAW-SPEC §7)
  ENTRIES.ndjson  the entry snapshot: one {"entryId": "...", "weight": N} per line, any order
  --api URL       download both from a Fairdrop API instead (e.g. http://127.0.0.1:3003)
  --drop ID       the drop whose draw to check (with --api)
  --progress      report progress on stderr even when it is not a terminal
  --beacon-key CHAIN.json
                  also accept beacons of this drand chain: its info as drand publishes it
                  (GET {relay}/{chainHash}/info: public_key, period, genesis_time, hash,
                  schemeID). Without it only League of Entropy quicknet is accepted, with
                  its public key built in (never taken from the record).

exit status: 0 the draw verifies, 1 it does not, 2 usage or I/O error`;

const PROGRESS_EVERY = 100_000;

/** Parses arguments, verifies, prints the outcome; resolves to the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) return io.out(USAGE), 0;
  const args = parseArgs(argv);
  if (!args) return io.err(`${USAGE}\n`), 2;
  const progress = io.progress || args.progress;
  const chains = await loadChains(args.beaconKey, io);
  if (typeof chains === 'number') return chains;
  const source = args.api !== undefined ? await remoteSource(args.api, args.drop!, io) : await fileSource(args.files[0]!, args.files[1]!, io);
  if (typeof source === 'number') return source;
  let result: VerifyResult;
  try {
    result = await verifyDraw(source.record, entriesFromNdjsonLines(progress ? counted(source.lines, io) : source.lines), { chains });
  } catch (e) {
    return io.err(`fairdrop-verify: cannot read the entries ${source.name}: ${(e as Error).message}\n`), 2;
  }
  report(result, source, io);
  return result.ok ? 0 : 1;
}

interface Args { files: string[]; api?: string | undefined; drop?: string | undefined; beaconKey?: string | undefined; progress: boolean }

function parseArgs(argv: readonly string[]): Args | null {
  const a: Args = { files: [], progress: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--progress') a.progress = true;
    else if (arg === '--api' || arg === '--drop' || arg === '--beacon-key') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return null;
      a[arg === '--api' ? 'api' : arg === '--drop' ? 'drop' : 'beaconKey'] = v;
    } else if (arg.startsWith('--')) return null;
    else a.files.push(arg);
  }
  const remote = a.api !== undefined || a.drop !== undefined;
  if (remote ? a.api === undefined || a.drop === undefined || a.files.length > 0 : a.files.length !== 2) return null;
  return a;
}

/** The chains to accept: quicknet, plus the one named by --beacon-key. */
async function loadChains(path: string | undefined, io: CliIo): Promise<readonly DrandChain[] | number> {
  if (path === undefined) return KNOWN_CHAINS;
  try {
    return [...KNOWN_CHAINS, chainFromInfo(JSON.parse(await readFile(path, 'utf8')))];
  } catch (e) {
    return io.err(`fairdrop-verify: cannot use --beacon-key ${path}: ${(e as Error).message}\n`), 2;
  }
}

interface Source { name: string; record: unknown; lines: AsyncIterable<string> }

async function fileSource(recordPath: string, entriesPath: string, io: CliIo): Promise<Source | number> {
  try {
    return { name: entriesPath, record: JSON.parse(await readFile(recordPath, 'utf8')), lines: readLines(entriesPath) };
  } catch (e) {
    return io.err(`fairdrop-verify: cannot read the record ${recordPath}: ${(e as Error).message}\n`), 2;
  }
}

async function remoteSource(api: string, dropId: string, io: CliIo): Promise<Source | number> {
  const r = await fetchDraw(api, dropId);
  if ('error' in r) return io.err(`fairdrop-verify: cannot download the draw: ${r.error}\n`), 2;
  return { name: `of drop ${dropId} from ${api}`, record: r.record, lines: r.lines };
}

/** Lines of a file. */
async function* readLines(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/** Passes lines through with a progress note every 100k lines. */
async function* counted(lines: AsyncIterable<string>, io: CliIo): AsyncGenerator<string> {
  let n = 0;
  for await (const line of lines) {
    if (++n % PROGRESS_EVERY === 0) io.err(io.tty ? `\rread ${n.toLocaleString('en')} entries…` : `read ${n.toLocaleString('en')} entries\n`);
    yield line;
  }
  if (io.tty && n >= PROGRESS_EVERY) io.err(`\rread ${n.toLocaleString('en')} entries, recomputing the draw…\n`);
}

function report(result: VerifyResult, source: Source, io: CliIo): void {
  const c = result.recomputed;
  if (result.ok && c) {
    io.out(`OK: the draw verifies (fairdrop-draw-v1)`);
    io.out(`  entries ${c.entryCount}, total weight ${c.totalWeight}, root ${c.root}`);
    io.out(`  commitment ${c.commitment} matches the secret; seed ${c.seed}`);
    const rec = source.record as { beaconSource?: string | null; beaconRound?: number; beacon?: string };
    if (rec.beaconSource) io.out(`  beacon: drand round ${rec.beaconRound} of ${rec.beaconSource}, signature verified, first round after the close; beacon ${rec.beacon}`);
    else io.out(`  no drand beacon: the seed rests on the operator's secret and the entries alone (weaker)`);
    io.out(`  ${c.winners.length} winners and ${c.backups.length} backups match, in order`);
    return;
  }
  io.out(`FAILED: the draw does not verify (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'})`);
  for (const p of result.problems) io.out(`  - [${p.code}] ${p.message}`);
}
