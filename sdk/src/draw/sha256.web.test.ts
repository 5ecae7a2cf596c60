import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Into } from './sha256.web.js';

const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('browser SHA-256', () => {
  it('agrees with node:crypto on every length from 0 to 300 bytes, and on a large input', () => {
    for (let n = 0; n <= 300; n++) {
      const b = randomBytes(n);
      expect(hex(sha256(b)), `length ${n}`).toBe(node(b));
    }
    const big = randomBytes(100_003);
    expect(hex(sha256(big))).toBe(node(big));
  });

  it('writes into a buffer at an offset, leaving the rest alone', () => {
    const out = new Uint8Array(40).fill(7);
    sha256Into(new TextEncoder().encode('abc'), out, 4);
    expect(hex(out.subarray(4, 36))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect([...out.subarray(0, 4), ...out.subarray(36)]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
  });
});
