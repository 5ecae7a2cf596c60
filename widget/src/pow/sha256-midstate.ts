/**
 * Midstate SHA-256 for the `sha256-prefix64-u64be` proof-of-work.
 *
 * The input is always 72 bytes: a 64-byte prefix (exactly one block) and the nonce as
 * u64be. So the state after block 1 is computed once per challenge ({@link prefixState}),
 * and each nonce costs one compression of block 2 = nonce (8 bytes) || 0x80 || zeros ||
 * bit length 576. The per-nonce loop is the generated, unrolled {@link searchRange}
 * (sha256-search.ts, from scripts/gen-pow-search.mjs).
 */
import { searchRange, head } from './sha256-search.js';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
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
