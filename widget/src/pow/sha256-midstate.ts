/**
 * Midstate SHA-256 for the `sha256-prefix64-u64be` proof-of-work.
 *
 * The input is always 72 bytes: a 64-byte prefix (exactly one block) and the nonce as
 * u64be. So the state after block 1 is computed once per challenge ({@link prefixState}),
 * and each nonce costs one compression of block 2 = nonce (8 bytes) || 0x80 || zeros ||
 * bit length 576. The per-nonce loop is the generated, unrolled {@link searchRange}
 * (sha256-search.ts, from scripts/gen-pow-search.mjs).
 */
import { K } from './sha256-k.js';
import { searchRange, head } from './sha256-search.js';

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Int32Array(64);

/** One compression of W[0..15] into `s` (in place). */
function compress(s: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const x = W[t - 15]!, y = W[t - 2]!;
    W[t] = (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3))
      + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + W[t - 7]! + W[t - 16]! | 0;
  }
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!, e = s[4]!, f = s[5]!, g = s[6]!, h = s[7]!;
  for (let t = 0; t < 64; t++) {
    const t1 = h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
      + ((e & f) ^ (~e & g)) + K[t]! + W[t]! | 0;
    const t2 = (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
      + ((a & b) ^ (a & c) ^ (b & c)) | 0;
    h = g; g = f; f = e; e = d + t1 | 0; d = c; c = b; b = a; a = t1 + t2 | 0;
  }
  s[0] = s[0]! + a | 0; s[1] = s[1]! + b | 0; s[2] = s[2]! + c | 0; s[3] = s[3]! + d | 0;
  s[4] = s[4]! + e | 0; s[5] = s[5]! + f | 0; s[6] = s[6]! + g | 0; s[7] = s[7]! + h | 0;
}

/** SHA-256 state after the first block: the 64 ASCII bytes of the hex prefix. */
export function prefixState(prefix: string): Int32Array {
  if (!/^[0-9a-f]{64}$/.test(prefix)) throw new RangeError('prefix must be 64 lower-case hex characters');
  for (let i = 0; i < 16; i++) {
    let w = 0;
    for (let j = 0; j < 4; j++) w = (w << 8) | prefix.charCodeAt(i * 4 + j);
    W[i] = w;
  }
  const s = new Int32Array(IV);
  compress(s);
  return s;
}

export { searchRange, head };

/** Digest words 0 and 1 (as signed 32-bit) of prefix || nonce, through the search loop itself. */
export function digestHead(mid: Int32Array, nonce: number): [number, number] {
  if (searchRange(mid, 0, nonce, 1) !== nonce) throw new Error('unreachable');
  return [head[0]!, head[1]!];
}
