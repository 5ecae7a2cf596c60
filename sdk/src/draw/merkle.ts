import { sha256, sha256Into } from '#sha256';
import { writeU64be } from './bytes.js';
import type { CanonicalEntries } from './entries.js';

/** `MTH([]) = H()`, the SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/**
 * `leafHash(e) = H(0x00 || u16be(len(entryId)) || entryId || u64be(weight))` (DRAW-SPEC §3).
 * `idBytes` are the id's ASCII bytes.
 */
export function leafHash(idBytes: Uint8Array, weight: number): Uint8Array {
  const buf = new Uint8Array(11 + idBytes.length);
  buf[1] = idBytes.length >>> 8;
  buf[2] = idBytes.length & 0xff;
  buf.set(idBytes, 3);
  writeU64be(buf, 3 + idBytes.length, weight);
  return sha256(buf);
}

/** `nodeHash(l, r) = H(0x01 || l || r)` (DRAW-SPEC §3). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(65);
  buf[0] = 1;
  buf.set(left, 1);
  buf.set(right, 33);
  return sha256(buf);
}

/** Writes leaf hash `i` to `out[at .. at + 32)`. */
export type LeafWriter = (i: number, out: Uint8Array, at: number) => void;

/**
 * Hashes leaves in canonical order without allocating input buffers: one scratch
 * buffer and a view of it per possible length (ids are 1–64 bytes).
 */
export function createLeafWriter(entries: CanonicalEntries): LeafWriter {
  const { idBytes, idOffsets, weights } = entries;
  const scratch = new Uint8Array(11 + 64);
  const views = Array.from({ length: 65 }, (_, len) => scratch.subarray(0, 11 + len));
  return (i, out, at) => {
    const start = idOffsets[i]!;
    const len = idOffsets[i + 1]! - start;
    scratch[2] = len; // u16be(len): the high byte stays 0 since len <= 64
    for (let k = 0; k < len; k++) scratch[3 + k] = idBytes[start + k]!;
    writeU64be(scratch, 3 + len, weights[i]!);
    sha256Into(views[len]!, out, at);
  };
}

/**
 * Root of `count` leaves written by `writeLeaf(0..count)`, in O(count) time and
 * O(log count) memory.
 *
 * A stack of perfect subtrees is merged whenever its top two have equal size; at the
 * end the stack holds the subtrees for the binary digits of `count`, largest first, and
 * folding it from the right gives exactly RFC 6962's MTH, where the left part of every
 * split is the largest power of two below the size (DRAW-SPEC §3).
 */
export function merkleRootOf(count: number, writeLeaf: LeafWriter): Uint8Array {
  if (count === 0) return EMPTY_ROOT.slice();
  // work = [0x01 | left | right] scratch for nodeHash, then the stack, 32 bytes a slot.
  const BASE = 65;
  const work = new Uint8Array(BASE + 64 * 32);
  const node = work.subarray(0, 65);
  const sizes = new Float64Array(64);
  work[0] = 1;
  let top = 0;
  const merge = (): void => {
    // The two top slots are adjacent, so one copy fills the node input.
    work.copyWithin(1, BASE + (top - 2) * 32, BASE + top * 32);
    sha256Into(node, work, BASE + (top - 2) * 32);
    sizes[top - 2]! += sizes[top - 1]!;
    top--;
  };
  for (let i = 0; i < count; i++) {
    writeLeaf(i, work, BASE + top * 32);
    sizes[top++] = 1;
    while (top >= 2 && sizes[top - 1] === sizes[top - 2]) merge();
  }
  while (top >= 2) merge();
  return work.slice(BASE, BASE + 32);
}

/** The snapshot root: MTH of the entries in canonical order. */
export function merkleRoot(entries: CanonicalEntries): Uint8Array {
  return merkleRootOf(entries.size, createLeafWriter(entries));
}
