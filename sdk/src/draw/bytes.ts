import { DrawInputError } from './errors.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const LOWER_HEX = /^(?:[0-9a-f]{2})*$/;

/** Lower-case hex of `bytes`, no `0x` (the only form DRAW-SPEC writes). */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

/**
 * Parses lower-case hex of even length; anything else (upper case, `0x`, odd length)
 * throws `invalid_hex`, because the spec says a verifier rejects it.
 */
export function fromHex(hex: string, what = 'hex value'): Uint8Array {
  if (typeof hex !== 'string' || !LOWER_HEX.test(hex)) {
    throw new DrawInputError('invalid_hex', `${what} must be lower-case hex of even length without 0x, got ${preview(hex)}`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Concatenates byte strings (the `||` of the spec). */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `u16be(n)` as 2 bytes. */
export function u16be(n: number): Uint8Array {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}

/** Writes `u64be(n)` for a safe integer `n` at `out[at..at+8)`; no allocation (hot path). */
export function writeU64be(out: Uint8Array, at: number, n: number): void {
  const hi = Math.floor(n / 0x1_0000_0000);
  const lo = n >>> 0;
  out[at] = hi >>> 24;
  out[at + 1] = (hi >>> 16) & 0xff;
  out[at + 2] = (hi >>> 8) & 0xff;
  out[at + 3] = hi & 0xff;
  out[at + 4] = lo >>> 24;
  out[at + 5] = (lo >>> 16) & 0xff;
  out[at + 6] = (lo >>> 8) & 0xff;
  out[at + 7] = lo & 0xff;
}

/** UTF-8 bytes of an ASCII-only string (ids and dropIds are validated ASCII first). */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Byte equality in constant shape (not constant time: nothing here is secret). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A short, printable rendering of a bad value for error messages. */
export function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
