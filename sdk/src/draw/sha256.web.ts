/**
 * SHA-256 for browsers (FIPS 180-4), synchronous — unlike WebCrypto's `subtle.digest` — so the
 * draw is the same straight-line code on both platforms. One-shot and allocation-free: the
 * Merkle root of a million entries makes two million calls, and a hasher object per call
 * (as general-purpose libraries allocate) costs several times the compression itself.
 */

// Round constants and initial state: the first 32 bits of the fractional parts of the cube
// and square roots of the first primes (exact in doubles; a test checks against node:crypto).
const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 64; n++) if (PRIMES.every((p) => n % p !== 0)) PRIMES.push(n);
const frac32 = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
const K = Uint32Array.from(PRIMES, (p) => frac32(Math.cbrt(p)));
const IV = Uint32Array.from(PRIMES.slice(0, 8), (p) => frac32(Math.sqrt(p)));

const W = new Uint32Array(64);
const S = new Uint32Array(8);
let block = new Uint8Array(128);

function compress(buf: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++, off += 4) W[i] = (buf[off]! << 24) | (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!;
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!, b = W[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = S[0]!, b = S[1]!, c = S[2]!, d = S[3]!, e = S[4]!, f = S[5]!, g = S[6]!, h = S[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  S[0] = (S[0]! + a) | 0; S[1] = (S[1]! + b) | 0; S[2] = (S[2]! + c) | 0; S[3] = (S[3]! + d) | 0;
  S[4] = (S[4]! + e) | 0; S[5] = (S[5]! + f) | 0; S[6] = (S[6]! + g) | 0; S[7] = (S[7]! + h) | 0;
}

/** SHA-256 of `bytes` written to `out[at .. at + 32)`. */
export function sha256Into(bytes: Uint8Array, out: Uint8Array, at: number): void {
  S.set(IV);
  const n = bytes.length;
  const full = n - (n % 64);
  for (let off = 0; off < full; off += 64) compress(bytes, off);
  // The tail, 0x80, zeros and the bit length: one or two blocks.
  const rest = n - full;
  const tailLen = rest + 9 <= 64 ? 64 : 128;
  if (block.length < tailLen) block = new Uint8Array(128);
  block.fill(0, 0, tailLen);
  for (let i = 0; i < rest; i++) block[i] = bytes[full + i]!;
  block[rest] = 0x80;
  const bits = n * 8;
  const hi = Math.floor(bits / 2 ** 32);
  block[tailLen - 8] = hi >>> 24; block[tailLen - 7] = hi >>> 16; block[tailLen - 6] = hi >>> 8; block[tailLen - 5] = hi;
  block[tailLen - 4] = bits >>> 24; block[tailLen - 3] = bits >>> 16; block[tailLen - 2] = bits >>> 8; block[tailLen - 1] = bits;
  compress(block, 0);
  if (tailLen === 128) compress(block, 64);
  for (let i = 0; i < 8; i++) {
    const v = S[i]!;
    out[at + 4 * i] = v >>> 24; out[at + 4 * i + 1] = v >>> 16; out[at + 4 * i + 2] = v >>> 8; out[at + 4 * i + 3] = v;
  }
}

/**
 * SHA-256 of `bytes` (browser variant). Returns a fresh 32-byte array.
 * @example sha256(new Uint8Array()) // e3b0c442…
 */
export function sha256(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  sha256Into(bytes, out, 0);
  return out;
}

/** Which implementation `#sha256` resolved to (for benchmarks and tests). */
export const sha256Backend: string = 'js (one-shot, allocation-free)';
