import { sha256Into } from '#sha256';
import { writeU64be } from './bytes.js';

const TWO_53 = 2 ** 53;

/**
 * The random stream of DRAW-SPEC §5: `block(i) = H(seed || u64be(i))`, read 8 bytes at a
 * time as one continuous stream. It counts rejected reads so a draw can report them.
 * @example
 * const s = new DrawStream(seed);
 * s.uniform(6); // a fair die roll in 0..5
 */
export class DrawStream {
  /** Reads that `uniform` discarded (each used up 8 bytes of the stream). */
  rejections = 0;
  private readonly input: Uint8Array;
  private readonly block = new Uint8Array(32);
  private offset = 32;
  private counter = 0;

  constructor(seed: Uint8Array) {
    // seed || u64be(i), rewritten in place for each block (no allocation per block).
    this.input = new Uint8Array(seed.length + 8);
    this.input.set(seed);
  }

  /** The next 8 bytes as u64be, shifted right by 11: a 53-bit integer, exact in a double. */
  next53(): number {
    if (this.offset === 32) this.refill();
    const b = this.block;
    const o = this.offset;
    this.offset += 8;
    const hi = ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
    const lo = ((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0;
    return hi * 2 ** 21 + (lo >>> 11);
  }

  /**
   * Unbiased integer in [0, n) for 1 ≤ n ≤ 2^53 − 1, by rejection:
   * `limit = 2^53 − (2^53 mod n)`; draw until `x < limit`; return `x mod n`.
   * (`%` on doubles is exact, and every value here is an integer below 2^53.)
   */
  uniform(n: number): number {
    const limit = TWO_53 - (TWO_53 % n);
    for (;;) {
      const x = this.next53();
      if (x < limit) return x % n;
      this.rejections++;
    }
  }

  private refill(): void {
    writeU64be(this.input, this.input.length - 8, this.counter++);
    sha256Into(this.input, this.block, 0);
    this.offset = 0;
  }
}
