/**
 * Proof-of-work shared by the server (verification) and the widget (solving).
 *
 * Algorithm `sha256-prefix64-u64be`: the server signs a challenge string; its `prefix` is the
 * 64 ASCII bytes of hex(SHA-256(challenge)). A solution is a nonce n (0 ≤ n < 2^53) with
 * SHA-256(prefix || u64be(n)) starting with `difficulty` zero bits. The 64-byte prefix fills
 * exactly one SHA-256 block, so a solver hashes its state once and then one block per nonce.
 *
 * @example
 * const prefix = powPrefix(challenge);
 * const ok = checkPow(prefix, nonce, 18);
 */
import { sha256 } from '#sha256';

export const POW_ALGORITHM = 'sha256-prefix64-u64be' as const;
const HEX = '0123456789abcdef';
const encoder = new TextEncoder();

/** hex(SHA-256(challenge)) — the 64-byte prefix every nonce is appended to. */
export function powPrefix(challenge: string): string {
  const digest = sha256(encoder.encode(challenge));
  let out = '';
  for (const b of digest) out += HEX[b >> 4]! + HEX[b & 15]!;
  return out;
}

/** The 72 bytes hashed for one nonce: prefix (64 ASCII bytes) || u64be(nonce). */
export function powInput(prefix: string, nonce: number): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(prefix)) throw new RangeError('prefix must be 64 lower-case hex characters');
  if (!Number.isSafeInteger(nonce) || nonce < 0) throw new RangeError('nonce must be an integer in 0..2^53-1');
  const input = new Uint8Array(72);
  input.set(encoder.encode(prefix), 0);
  const view = new DataView(input.buffer);
  view.setUint32(64, Math.floor(nonce / 2 ** 32));
  view.setUint32(68, nonce >>> 0);
  return input;
}

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) { bits += 8; continue; }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** True when `nonce` solves `prefix` at `difficulty` leading zero bits. */
export function checkPow(prefix: string, nonce: number, difficulty: number): boolean {
  return leadingZeroBits(sha256(powInput(prefix, nonce))) >= difficulty;
}

/** Reference solver (slow, one hash per call); the widget ships a midstate solver in a worker. */
export function solvePowReference(prefix: string, difficulty: number, start = 0, limit = 2 ** 32): number | null {
  for (let n = start; n < start + limit; n++) if (checkPow(prefix, n, difficulty)) return n;
  return null;
}
