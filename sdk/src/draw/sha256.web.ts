import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/**
 * SHA-256 of `bytes` (browser variant, @noble/hashes). Synchronous, unlike WebCrypto's
 * `subtle.digest`, so the draw code is the same straight-line code on both platforms.
 * @example sha256(new Uint8Array()) // e3b0c442…
 */
export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** SHA-256 of `bytes` written to `out[at .. at + 32)`. */
export function sha256Into(bytes: Uint8Array, out: Uint8Array, at: number): void {
  out.set(nobleSha256(bytes), at);
}

/** Which implementation `#sha256` resolved to (for benchmarks and tests). */
export const sha256Backend: string = '@noble/hashes';
