import type { DrawStream } from './stream.js';

/**
 * Weighted selection without replacement (DRAW-SPEC §6) over a Fenwick tree:
 * O(N) to build, O(log N) per pick, so O(N + K log N) for the draw.
 *
 * Weights are integers and every sum is ≤ 2^53 − 1, so the Float64Array sums are exact.
 * Returns the canonical indices of the K picks, in pick order.
 */
export function selectWeighted(weights: Float64Array, totalWeight: number, k: number, stream: DrawStream): Uint32Array {
  const n = weights.length;
  const tree = buildFenwick(weights);
  const topStep = highestPowerOfTwoAtMost(n);
  const picks = new Uint32Array(k);
  let remaining = totalWeight;
  for (let p = 0; p < k; p++) {
    const r = stream.uniform(remaining);
    const i = findFirstAbove(tree, n, topStep, r);
    // Each index is picked at most once, so its weight in the tree is still the original.
    const w = weights[i]!;
    picks[p] = i;
    remaining -= w;
    addAt(tree, n, i, -w);
  }
  return picks;
}

/** 1-based Fenwick tree in a Float64Array of n + 1; linear-time build. */
export function buildFenwick(weights: Float64Array): Float64Array {
  const n = weights.length;
  const tree = new Float64Array(n + 1);
  tree.set(weights, 1);
  for (let i = 1; i <= n; i++) {
    const parent = i + (i & -i);
    if (parent <= n) tree[parent]! += tree[i]!;
  }
  return tree;
}

/**
 * Smallest 0-based index whose prefix sum (indices 0..i) is greater than r, by binary
 * lifting: descend from the largest power of two, skipping blocks whose sum is ≤ r.
 * Removed entries have weight 0, so they never satisfy "> r" first.
 */
export function findFirstAbove(tree: Float64Array, n: number, topStep: number, r: number): number {
  let pos = 0;
  let rest = r;
  for (let step = topStep; step >= 1; step /= 2) {
    const next = pos + step;
    if (next <= n && tree[next]! <= rest) {
      pos = next;
      rest -= tree[next]!;
    }
  }
  return pos; // 1-based `pos + 1`, i.e. 0-based `pos`.
}

function addAt(tree: Float64Array, n: number, index: number, delta: number): void {
  for (let i = index + 1; i <= n; i += i & -i) tree[i]! += delta;
}

function highestPowerOfTwoAtMost(n: number): number {
  let step = 1;
  while (step * 2 <= n) step *= 2;
  return n === 0 ? 0 : step;
}
