import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DrawStream } from './stream.js';

const seed = new Uint8Array(32).fill(9);

/** The stream's 8-byte words as BigInt, straight from the definition. */
function words(count: number): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; out.length < count; i++) {
    const ctr = Buffer.alloc(8);
    ctr.writeBigUInt64BE(BigInt(i));
    const block = createHash('sha256').update(seed).update(ctr).digest();
    for (let o = 0; o < 32; o += 8) out.push(block.readBigUInt64BE(o));
  }
  return out.slice(0, count);
}

describe('DrawStream', () => {
  it('reads block(0) || block(1) || … 8 bytes at a time, shifted right by 11', () => {
    const s = new DrawStream(seed);
    for (const w of words(20)) expect(s.next53()).toBe(Number(w >> 11n));
  });

  it('rejects reads at or above 2^53 - (2^53 mod n) and counts them', () => {
    // n = 2^52 + 1 makes the limit 2^52 + 1: about half of all reads are rejected.
    const n = 2 ** 52 + 1;
    const limit = 2n ** 53n - (2n ** 53n % BigInt(n));
    const s = new DrawStream(seed);
    const ws = words(200).map((w) => w >> 11n);
    let k = 0;
    let expectedRejections = 0;
    for (let draw = 0; draw < 40; draw++) {
      while (ws[k]! >= limit) {
        k++;
        expectedRejections++;
      }
      expect(s.uniform(n)).toBe(Number(ws[k++]! % BigInt(n)));
    }
    expect(s.rejections).toBe(expectedRejections);
    expect(expectedRejections).toBeGreaterThan(5);
  });

  it('returns 0 for uniform(1) without rejecting', () => {
    const s = new DrawStream(seed);
    expect([s.uniform(1), s.uniform(1), s.rejections]).toEqual([0, 0, 0]);
  });
});
