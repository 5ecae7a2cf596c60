import { computeDraw, type DrawComputation } from './draw.js';
import { canonicalize, canonicalizeAsync, type CanonicalEntries } from './entries.js';
import { DrawInputError } from './errors.js';
import { decodeParams } from './params.js';
import { recordShapeProblems } from './record-shape.js';
import { isCanonical, type DrawRecord } from './run.js';
import type { DrandChain } from './beacon.js';
import { checkBeacon, KNOWN_CHAINS } from './verify-beacon.js';
import type { VerifyProblem } from './verify-problem.js';

export { VERIFY_PROBLEM_CODES, type VerifyProblem } from './verify-problem.js';

/** Options of {@link verifyDraw}. */
export interface VerifyOptions {
  /** drand chains whose beacons are accepted; default {@link KNOWN_CHAINS} (quicknet, key built in). */
  readonly chains?: readonly DrandChain[];
}

/** Outcome of a verification; `recomputed` is absent when the inputs could not be used at all. */
export interface VerifyResult {
  readonly ok: boolean;
  readonly problems: VerifyProblem[];
  readonly recomputed?: DrawComputation;
}

/** Entry sources a verifier accepts: a list, any (async) iterable of entries, or canonical entries. */
export type EntrySource = Iterable<unknown> | AsyncIterable<unknown> | CanonicalEntries;

// Beyond this many differing positions per list, one summary line replaces the rest.
const MAX_LISTED = 10;

/**
 * Recomputes a draw from its record and the entry snapshot and says precisely what
 * differs (DRAW-SPEC §7): commitment vs secret, root, entry count, total weight,
 * the seed (when the record carries one), and the exact winner and backup lists.
 * Never throws for bad input: it becomes a problem.
 * @example
 * const { ok, problems } = await verifyDraw(record, entriesFromNdjsonLines(lines));
 * if (!ok) for (const p of problems) console.log(p.code, p.message);
 */
export async function verifyDraw(record: unknown, entries: EntrySource, options: VerifyOptions = {}): Promise<VerifyResult> {
  return verifyWith(record, () => (isCanonical(entries) ? entries : canonicalizeAsync(entries)), options);
}

/** Synchronous {@link verifyDraw} for entries already in memory. */
export function verifyDrawSync(record: unknown, entries: Iterable<unknown> | CanonicalEntries, options: VerifyOptions = {}): VerifyResult {
  const shape = recordShapeProblems(record);
  if (shape.length > 0) return { ok: false, problems: shape };
  try {
    return compare(record as DrawRecord, isCanonical(entries) ? entries : canonicalize(entries), options);
  } catch (e) {
    return asProblem(e);
  }
}

async function verifyWith(record: unknown, load: () => CanonicalEntries | Promise<CanonicalEntries>, options: VerifyOptions): Promise<VerifyResult> {
  const shape = recordShapeProblems(record);
  if (shape.length > 0) return { ok: false, problems: shape };
  try {
    return compare(record as DrawRecord, await load(), options);
  } catch (e) {
    return asProblem(e);
  }
}

function asProblem(e: unknown): VerifyResult {
  if (!(e instanceof DrawInputError)) throw e;
  const entryCodes = ['invalid_entry', 'invalid_entry_id', 'duplicate_entry_id', 'invalid_weight', 'total_weight_too_large', 'invalid_ndjson'];
  const code = entryCodes.includes(e.code) ? 'invalid_entries' : 'invalid_record';
  return { ok: false, problems: [{ code, message: `${e.message} [${e.code}]` }] };
}

function compare(record: DrawRecord, entries: CanonicalEntries, options: VerifyOptions): VerifyResult {
  const params = decodeParams({ ...record, beacon: record.beacon ?? '' });
  const c = computeDraw(params, entries);
  const beaconProblems: VerifyProblem[] = [];
  checkBeacon(record, options.chains ?? KNOWN_CHAINS, (code, message, recorded, recomputed) => beaconProblems.push(problem(code, message, recorded, recomputed)));
  const problems: VerifyProblem[] = [];
  const add = (code: VerifyProblem['code'], message: string, recorded?: string, recomputed?: string) => problems.push(problem(code, message, recorded, recomputed));
  if (record.commitment !== c.commitment) add('commitment_mismatch', `commitment does not match secret: H(secret) is ${c.commitment}, record says ${record.commitment}`, record.commitment, c.commitment);
  if (record.root !== c.root) add('root_mismatch', `root mismatch: the entries hash to ${c.root}, record says ${record.root}`, record.root, c.root);
  if (record.entryCount !== c.entryCount) add('entry_count_mismatch', `entryCount: record says ${record.entryCount}, the snapshot has ${c.entryCount}`, String(record.entryCount), String(c.entryCount));
  if (record.totalWeight !== c.totalWeight) add('total_weight_mismatch', `totalWeight: record says ${record.totalWeight}, the snapshot sums to ${c.totalWeight}`, String(record.totalWeight), String(c.totalWeight));
  const claimedSeed = (record as { seed?: unknown }).seed;
  if (claimedSeed !== undefined && claimedSeed !== c.seed) add('seed_mismatch', `seed: record says ${String(claimedSeed)}, recomputed ${c.seed}`, String(claimedSeed), c.seed);
  const inputsMatch = problems.length === 0;
  compareList('winner', record.winners, c.winners, add);
  compareList('backup', record.backups, c.backups, add);
  if (inputsMatch && problems.length > 0) {
    add(problems[0]!.code, 'commitment and root match, so the beacon, dropId, inventory/backupCount or the selection itself differ from what produced this record');
  }
  problems.unshift(...beaconProblems);
  return { ok: problems.length === 0, problems, recomputed: c };
}

function problem(code: VerifyProblem['code'], message: string, recorded?: string, recomputed?: string): VerifyProblem {
  return { code, message, ...(recorded !== undefined ? { recorded } : {}), ...(recomputed !== undefined ? { recomputed } : {}) };
}

function compareList(
  kind: 'winner' | 'backup',
  claimed: readonly string[],
  actual: readonly string[],
  add: (code: VerifyProblem['code'], message: string, recorded?: string, recomputed?: string) => void,
): void {
  if (claimed.length !== actual.length) {
    add(`${kind}_count_mismatch`, `${kind}s: record lists ${claimed.length}, the draw yields ${actual.length}`, String(claimed.length), String(actual.length));
  }
  let listed = 0;
  let more = 0;
  for (let i = 0; i < Math.max(claimed.length, actual.length); i++) {
    if (claimed[i] === actual[i]) continue;
    if (listed++ >= MAX_LISTED) {
      more++;
      continue;
    }
    add(`${kind}_mismatch`, `${kind} #${i + 1}: record says ${claimed[i] ?? '(nothing)'}, recomputed ${actual[i] ?? '(nothing)'}`, claimed[i] ?? '', actual[i] ?? '');
  }
  if (more > 0) add(`${kind}_mismatch`, `... and ${more} more ${kind} positions differ`);
}
