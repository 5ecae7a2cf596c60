/**
 * Deliberately naive reference implementations of DRAW-SPEC §3 and §6, written
 * straight from the spec text (recursion, strings, linear scans) to check the fast
 * code against. Test-only.
 */
import { createHash } from 'node:crypto';
import type { DrawStream } from '../src/draw/stream.js';

export interface RefEntry { entryId: string; weight: number }

const H = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest());

export function refLeaf(e: RefEntry): Uint8Array {
  const id = Buffer.from(e.entryId, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(id.length);
  const w = Buffer.alloc(8);
  w.writeBigUInt64BE(BigInt(e.weight));
  return H(Uint8Array.of(0), len, id, w);
}

export const refNode = (l: Uint8Array, r: Uint8Array) => H(Uint8Array.of(1), l, r);

const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[0:n]) by the recursive definition. */
export function refRoot(d: RefEntry[]): Uint8Array {
  if (d.length === 0) return H();
  if (d.length === 1) return refLeaf(d[0]!);
  const k = split(d.length);
  return refNode(refRoot(d.slice(0, k)), refRoot(d.slice(k)));
}

/** RFC 6962 PATH(m, D[n]), nearest sibling first. */
export function refPath(m: number, d: RefEntry[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k ? [...refPath(m, d.slice(0, k)), refRoot(d.slice(k))] : [...refPath(m - k, d.slice(k)), refRoot(d.slice(0, k))];
}

/** Canonical order with plain string comparison: correct because ids are ASCII. */
export const refSort = (es: RefEntry[]) => [...es].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));

/**
 * §6 literally: O(N·K) linear prefix-sum scan. `strict = false` turns "> r" into
 * ">= r", an off-by-one mutant the fairness test must be able to detect.
 */
export function refSelect(weights: ArrayLike<number>, k: number, stream: DrawStream, strict = true): number[] {
  const w = Array.from(weights);
  let remaining = w.reduce((a, b) => a + b, 0);
  const picks: number[] = [];
  for (let p = 0; p < k; p++) {
    const r = stream.uniform(remaining);
    let sum = 0;
    let i = 0;
    for (; i < w.length - 1; i++) {
      sum += w[i]!;
      if (strict ? sum > r : sum >= r && w[i]! > 0) break;
    }
    picks.push(i);
    remaining -= w[i]!;
    w[i] = 0;
  }
  return picks;
}

/** Lower-case hex of a byte array. */
export const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
