import { toHex } from './bytes.js';
import { entryIdAt, type CanonicalEntries } from './entries.js';
import { merkleRoot } from './merkle.js';
import type { DecodedParams } from './params.js';
import { commitmentOf, seedOf } from './seed.js';
import { selectWeighted } from './select.js';
import { DrawStream } from './stream.js';

/** Everything a draw computes from its parameters and entries (hex for byte strings). */
export interface DrawComputation {
  readonly commitment: string;
  readonly root: string;
  readonly seed: string;
  readonly entryCount: number;
  readonly totalWeight: number;
  readonly winners: string[];
  readonly backups: string[];
  /** Stream reads that `uniform` rejected (not part of the record; useful to cross-check). */
  readonly rejections: number;
}

/**
 * The draw itself, DRAW-SPEC §3–§6, shared by {@link runDraw} and {@link verifyDraw}
 * so the code that verifies is the code that draws.
 */
export function computeDraw(params: DecodedParams, entries: CanonicalEntries): DrawComputation {
  const n = entries.size;
  // 3. root = MTH(entries in canonical order)
  const root = merkleRoot(entries);
  // 4. seed
  const seed = seedOf(params.dropId, params.secret, root, params.beacon);
  // 6. K = min(N, winners + backupCount), winners = min(inventory, N)
  const winnerCount = Math.min(params.inventory, n);
  const k = Math.min(n, winnerCount + params.backupCount);
  const stream = new DrawStream(seed);
  const picks = selectWeighted(entries.weights, entries.totalWeight, k, stream);
  const ids = Array.from(picks, (i) => entryIdAt(entries, i));
  return {
    commitment: toHex(commitmentOf(params.secret)),
    root: toHex(root),
    seed: toHex(seed),
    entryCount: n,
    totalWeight: entries.totalWeight,
    winners: ids.slice(0, winnerCount),
    backups: ids.slice(winnerCount),
    rejections: stream.rejections,
  };
}
