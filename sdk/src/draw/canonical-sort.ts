/**
 * Canonical order (DRAW-SPEC §2): ids bytewise ascending, a prefix before its extensions.
 *
 * Ids are ASCII ([A-Za-z0-9_-]), so JavaScript's `<` on strings (UTF-16 code units)
 * would give the same order; we sort the packed bytes instead because an MSD radix
 * sort over them is several times faster than `Array.prototype.sort` at a million
 * ids (measured in sdk/bench/draw.bench.ts) and needs no string per id.
 */

// Below this many ids a bucket is finished by insertion sort.
const SMALL = 24;
// Bucket 0 holds ids that end at the current depth; byte b goes to bucket b + 1.
// Ids are validated ASCII before they get here, so bytes are < 128.
const BUCKETS = 129;
const MAX_DEPTH = 65;

/**
 * Returns the permutation that puts ids in canonical order: `order[k]` is the index
 * of the k-th smallest id. Id `i` is `bytes[offsets[i] .. offsets[i + 1])`.
 */
export function sortCanonical(bytes: Uint8Array, offsets: Uint32Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const ctx: SortContext = { bytes, offsets, order, tmp: new Uint32Array(n), counts: [] };
  for (let d = 0; d < MAX_DEPTH; d++) ctx.counts.push(new Uint32Array(BUCKETS + 1));
  msd(ctx, 0, n, 0);
  return order;
}

interface SortContext {
  readonly bytes: Uint8Array;
  readonly offsets: Uint32Array;
  readonly order: Uint32Array;
  readonly tmp: Uint32Array;
  /** One bucket-boundary array per depth, so recursion never clobbers its caller's. */
  readonly counts: Uint32Array[];
}

/** Sorts `order[lo..hi)`, whose ids all share their first `depth` bytes. */
function msd(ctx: SortContext, lo: number, hi: number, depth: number): void {
  if (hi - lo < SMALL) return insertionSort(ctx, lo, hi, depth);
  const { bytes, offsets, order, tmp } = ctx;
  const start = ctx.counts[depth]!;
  start.fill(0);
  for (let i = lo; i < hi; i++) start[keyAt(bytes, offsets, order[i]!, depth) + 1]!++;
  start[0] = lo;
  for (let b = 1; b <= BUCKETS; b++) start[b]! += start[b - 1]!;
  // start[b] is now the end of bucket b-1 = the start of bucket b; distribute stably.
  const next = ctx.counts[depth + 1] ?? new Uint32Array(BUCKETS + 1);
  next.set(start.subarray(0, BUCKETS));
  for (let i = lo; i < hi; i++) {
    const idx = order[i]!;
    tmp[next[keyAt(bytes, offsets, idx, depth)]!++] = idx;
  }
  order.set(tmp.subarray(lo, hi), lo);
  // Bucket 0 (ids ending here) holds equal ids: already sorted. Recurse into the others.
  for (let b = 1; b < BUCKETS; b++) {
    const from = start[b]!;
    const to = start[b + 1]!;
    if (to - from > 1) msd(ctx, from, to, depth + 1);
  }
}

function keyAt(bytes: Uint8Array, offsets: Uint32Array, idx: number, depth: number): number {
  const at = offsets[idx]! + depth;
  return at < offsets[idx + 1]! ? bytes[at]! + 1 : 0;
}

function insertionSort(ctx: SortContext, lo: number, hi: number, depth: number): void {
  const { order } = ctx;
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i]!;
    let j = i - 1;
    while (j >= lo && compareFrom(ctx, order[j]!, v, depth) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = v;
  }
}

/** Bytewise comparison of ids `a` and `b` from byte `depth` on; shorter prefix first. */
function compareFrom(ctx: SortContext, a: number, b: number, depth: number): number {
  const { bytes, offsets } = ctx;
  const aStart = offsets[a]!;
  const bStart = offsets[b]!;
  const aLen = offsets[a + 1]! - aStart;
  const bLen = offsets[b + 1]! - bStart;
  const len = aLen < bLen ? aLen : bLen;
  for (let k = depth; k < len; k++) {
    const d = bytes[aStart + k]! - bytes[bStart + k]!;
    if (d !== 0) return d;
  }
  return aLen - bLen;
}
