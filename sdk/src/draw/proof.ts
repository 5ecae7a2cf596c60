import { asciiBytes, bytesEqual, fromHex, toHex } from './bytes.js';
import { entryAt, isValidId, MAX_WEIGHT, type CanonicalEntries } from './entries.js';
import { DrawInputError } from './errors.js';
import { createLeafWriter, leafHash, merkleRootOf, nodeHash } from './merkle.js';

/** Proof that one entry is in the snapshot (DRAW-SPEC §3): RFC 6962 audit path, nearest sibling first. */
export interface InclusionProof {
  readonly entryId: string;
  readonly weight: number;
  /** Position in canonical order. */
  readonly index: number;
  /** Number of entries in the snapshot. */
  readonly size: number;
  /** Sibling hashes (hex), nearest first; empty for a one-entry tree. */
  readonly path: readonly string[];
}

/**
 * Inclusion proof for canonical entry `index`, in O(N) time and O(log N) memory
 * (RFC 6962 §2.1.1 PATH, computed with {@link merkleRootOf} on the sibling ranges).
 * To serve many proofs of one snapshot, use {@link createProver}.
 * @example const proof = inclusionProof(canonicalize(entries), 3);
 */
export function inclusionProof(entries: CanonicalEntries, index: number): InclusionProof {
  checkIndex(entries.size, index);
  const writeLeaf = createLeafWriter(entries);
  const path: string[] = [];
  let from = 0;
  let to = entries.size;
  const siblings: Uint8Array[] = [];
  // Walk down from the root; each split contributes the root of the other side.
  while (to - from > 1) {
    const k = largestPowerOfTwoBelow(to - from);
    const mid = from + k;
    if (index < mid) {
      siblings.push(merkleRootOf(to - mid, (i, out, at) => writeLeaf(mid + i, out, at)));
      to = mid;
    } else {
      const left = from;
      siblings.push(merkleRootOf(k, (i, out, at) => writeLeaf(left + i, out, at)));
      from = mid;
    }
  }
  for (let i = siblings.length - 1; i >= 0; i--) path.push(toHex(siblings[i]!));
  return { ...entryAt(entries, index), index, size: entries.size, path };
}

/**
 * Keeps every level of the tree (about 64 bytes per entry) so each proof then costs
 * O(log N). Levels built by pairing neighbours and carrying an odd last node up
 * have exactly the RFC 6962 shape.
 */
export function createProver(entries: CanonicalEntries): { root: string; proof(index: number): InclusionProof } {
  const levels = buildLevels(entries);
  const top = levels[levels.length - 1]!;
  return {
    root: toHex(top.subarray(0, 32)),
    proof(index) {
      checkIndex(entries.size, index);
      const path: string[] = [];
      let i = index;
      for (let l = 0; l < levels.length - 1; l++) {
        const level = levels[l]!;
        const width = level.length / 32;
        const sibling = i % 2 === 1 ? i - 1 : i + 1;
        if (sibling < width) path.push(toHex(level.subarray(sibling * 32, sibling * 32 + 32)));
        i = Math.floor(i / 2);
      }
      return { ...entryAt(entries, index), index, size: entries.size, path };
    },
  };
}

/**
 * Checks a proof against a root (hex) as RFC 9162 §2.1.3.2 does. Returns false for any
 * malformed proof rather than throwing, so a page can show "not included" either way.
 *
 * Pass `entryCount` from the draw record: an RFC 6962 root does not commit to the tree
 * size, and for some trees a proof with a larger claimed `size` also reaches the root.
 * @example verifyInclusion(proof, record.root, record.entryCount) // true
 */
export function verifyInclusion(proof: InclusionProof, root: string, entryCount?: number): boolean {
  try {
    const { entryId, weight, index, size, path } = proof;
    if (entryCount !== undefined && size !== entryCount) return false;
    if (!isValidId(entryId) || !Number.isInteger(weight) || weight < 1 || weight > MAX_WEIGHT) return false;
    if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
    let fn = index;
    let sn = size - 1;
    let r = leafHash(asciiBytes(entryId), weight);
    for (const hex of path) {
      const p = fromHex(hex, 'proof path element');
      if (p.length !== 32 || sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        r = nodeHash(p, r);
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      } else {
        r = nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && bytesEqual(r, fromHex(root, 'root'));
  } catch (e) {
    if (e instanceof DrawInputError) return false;
    throw e;
  }
}

/** k in DRAW-SPEC §3: the largest power of two strictly less than n (n > 1). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkIndex(size: number, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new DrawInputError('invalid_index', `proof index must be an integer from 0 to ${size - 1}, got ${index}`);
  }
}

function buildLevels(entries: CanonicalEntries): Uint8Array[] {
  const n = entries.size;
  if (n === 0) return [merkleRootOf(0, () => undefined)];
  const writeLeaf = createLeafWriter(entries);
  let level = new Uint8Array(32 * n);
  for (let i = 0; i < n; i++) writeLeaf(i, level, 32 * i);
  const levels = [level];
  while (level.length > 32) {
    const width = level.length / 32;
    const next = new Uint8Array(32 * Math.ceil(width / 2));
    for (let i = 0; i + 1 < width; i += 2) {
      next.set(nodeHash(level.subarray(32 * i, 32 * i + 32), level.subarray(32 * i + 32, 32 * i + 64)), 16 * i);
    }
    if (width % 2 === 1) next.set(level.subarray(32 * (width - 1)), 32 * (next.length / 32 - 1));
    levels.push(next);
    level = next;
  }
  return levels;
}
