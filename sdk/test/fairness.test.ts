import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DrawStream, canonicalize, merkleRoot, runDraw, seedOf } from '@fairdrop/sdk/draw';
import { refSelect } from './reference.js';

/**
 * Statistical fairness, deterministic: the secrets are fixed (H("fairness" || i)), so
 * the test cannot flake; it either always passes or always fails.
 *
 * The first pick of each draw should follow the weight shares. Chi-square with 5 degrees
 * of freedom has a 99.9% quantile of 20.52; a fair implementation lands far below it,
 * and the two deliberately broken selectors below land far above it, which shows the
 * test has the power to catch a bias (including an off-by-one in the prefix search).
 */
const WEIGHTS = [1, 2, 3, 4, 5, 15];
const DRAWS = 20_000;
const CHI2_CRITICAL_DF5_P001 = 20.52;
const entries = WEIGHTS.map((weight, i) => ({ entryId: `e${i}`, weight }));
const total = WEIGHTS.reduce((a, b) => a + b, 0);
const secretOf = (i: number) => createHash('sha256').update(`fairness ${i}`).digest('hex');

function chiSquare(counts: number[]): number {
  return counts.reduce((sum, c, i) => {
    const expected = (DRAWS * WEIGHTS[i]!) / total;
    return sum + (c - expected) ** 2 / expected;
  }, 0);
}

/** First-pick counts for a selector given each draw's seed. */
function firstPicks(pick: (seed: Uint8Array) => number): number[] {
  const counts = WEIGHTS.map(() => 0);
  const c = canonicalize(entries);
  const root = merkleRoot(c);
  for (let i = 0; i < DRAWS; i++) {
    counts[pick(seedOf('fairness', Buffer.from(secretOf(i), 'hex'), root, new Uint8Array(0)))]!++;
  }
  return counts;
}

describe('statistical fairness', () => {
  it('first picks follow the weight shares (chi-square, 20,000 seeded draws)', () => {
    const counts = WEIGHTS.map(() => 0);
    for (let i = 0; i < DRAWS; i++) {
      const { record } = runDraw({ dropId: 'fairness', secret: secretOf(i), inventory: 1, backupCount: 0, entries });
      counts[Number(record.winners[0]!.slice(1))]!++;
    }
    expect(chiSquare(counts)).toBeLessThan(CHI2_CRITICAL_DF5_P001);
  });

  it('would catch a selector that ignores weights', () => {
    const counts = firstPicks((seed) => new DrawStream(seed).uniform(WEIGHTS.length));
    expect(chiSquare(counts)).toBeGreaterThan(CHI2_CRITICAL_DF5_P001 * 10);
  });

  it('would catch an off-by-one in the prefix search (>= r instead of > r)', () => {
    const counts = firstPicks((seed) => refSelect(WEIGHTS, 1, new DrawStream(seed), false)[0]!);
    expect(chiSquare(counts)).toBeGreaterThan(CHI2_CRITICAL_DF5_P001 * 10);
  });

  it('uniform(n) is uniform (chi-square over 60,000 values of uniform(6))', () => {
    const s = new DrawStream(createHash('sha256').update('uniform').digest());
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[s.uniform(6)]!++;
    const chi2 = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(CHI2_CRITICAL_DF5_P001);
  });
});
