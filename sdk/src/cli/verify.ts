/**
 * `fairdrop-verify RECORD.json ENTRIES.ndjson` — recompute a published draw and say
 * whether it checks out. Exit status: 0 verified, 1 the draw does not check out,
 * 2 usage or I/O error. Entries are streamed line by line, so a snapshot of a million
 * entries never sits in memory as text.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { entriesFromNdjsonLines, verifyDraw, type VerifyResult } from '../draw/index.js';

/** Where the CLI writes; injectable so tests need no global mocks. */
export interface CliIo {
  out: (line: string) => void;
  err: (text: string) => void;
  /** Show progress (stderr is a TTY, or --progress). */
  progress: boolean;
  /** Rewrite the progress line in place (TTY) instead of printing a line each time. */
  tty: boolean;
}

const USAGE = `usage: fairdrop-verify [--progress] RECORD.json ENTRIES.ndjson

  RECORD.json     the published draw record (fairdrop-draw-v1, DRAW-SPEC §7)
  ENTRIES.ndjson  the entry snapshot: one {"entryId": "...", "weight": N} per line, any order
  --progress      report progress on stderr even when it is not a terminal

exit status: 0 the draw verifies, 1 it does not, 2 usage or I/O error`;

const PROGRESS_EVERY = 100_000;

/** Parses arguments, verifies, prints the outcome; resolves to the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) return io.out(USAGE), 0;
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--progress');
  if (files.length !== 2 || unknown.length > 0) return io.err(`${USAGE}\n`), 2;
  const [recordPath, entriesPath] = files as [string, string];
  const progress = io.progress || argv.includes('--progress');
  let record: unknown;
  try {
    record = JSON.parse(await readFile(recordPath, 'utf8'));
  } catch (e) {
    return io.err(`fairdrop-verify: cannot read the record ${recordPath}: ${(e as Error).message}\n`), 2;
  }
  let result: VerifyResult;
  try {
    result = await verifyDraw(record, entriesFromNdjsonLines(readLines(entriesPath, progress ? io : null)));
  } catch (e) {
    return io.err(`fairdrop-verify: cannot read the entries ${entriesPath}: ${(e as Error).message}\n`), 2;
  }
  report(result, io);
  return result.ok ? 0 : 1;
}

/** Lines of a file, with a progress note every 100k lines when asked for. */
async function* readLines(path: string, io: CliIo | null): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (io && ++n % PROGRESS_EVERY === 0) io.err(io.tty ? `\rread ${n.toLocaleString('en')} entries…` : `read ${n.toLocaleString('en')} entries\n`);
    yield line;
  }
  if (io?.tty && n >= PROGRESS_EVERY) io.err(`\rread ${n.toLocaleString('en')} entries, recomputing the draw…\n`);
}

function report(result: VerifyResult, io: CliIo): void {
  const c = result.recomputed;
  if (result.ok && c) {
    io.out(`OK: the draw verifies (fairdrop-draw-v1)`);
    io.out(`  entries ${c.entryCount}, total weight ${c.totalWeight}, root ${c.root}`);
    io.out(`  commitment ${c.commitment} matches the secret; seed ${c.seed}`);
    io.out(`  ${c.winners.length} winners and ${c.backups.length} backups match, in order`);
    return;
  }
  io.out(`FAILED: the draw does not verify (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'})`);
  for (const p of result.problems) io.out(`  - [${p.code}] ${p.message}`);
}
