import type { DrawStream } from '../src/draw/stream.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** xorshift32: a tiny seeded PRNG so every run benchmarks the same entries. */
export function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

/** N entries with random 16-character base62 ids and weights 1..100. */
export function makeEntries(n: number, seed = 42): { entryId: string; weight: number }[] {
  const rnd = xorshift32(seed);
  const out = new Array<{ entryId: string; weight: number }>(n);
  const codes = new Array<number>(16);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 16; j++) codes[j] = BASE62.charCodeAt(Math.floor(rnd() * 62));
    // One flat string per id, as JSON.parse or a database driver would produce;
    // `id += c` would build 16-piece rope strings that cost ~10x the memory.
    out[i] = { entryId: String.fromCharCode(...codes), weight: 1 + Math.floor(rnd() * 100) };
  }
  return out;
}

/**
 * The baseline: the spec's selection done literally, O(N·K) — a linear prefix-sum
 * scan per pick. Same stream, so it must return the same picks as the Fenwick tree.
 */
export function naiveSelect(weights: Float64Array, total: number, k: number, stream: DrawStream): Uint32Array {
  const w = Float64Array.from(weights);
  const picks = new Uint32Array(k);
  let remaining = total;
  for (let p = 0; p < k; p++) {
    const r = stream.uniform(remaining);
    let sum = 0;
    let i = 0;
    for (; i < w.length; i++) {
      sum += w[i]!;
      if (sum > r) break;
    }
    picks[p] = i;
    remaining -= w[i]!;
    w[i] = 0;
  }
  return picks;
}
