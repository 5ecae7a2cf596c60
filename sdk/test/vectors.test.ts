import { describe, expect, it } from 'vitest';
import { createProver, inclusionProof, runDraw, sha256Backend, verifyDrawSync, verifyInclusion } from '@fairdrop/sdk/draw';
import { loadVectors } from './vectors.js';

const cases = loadVectors();

describe('fairdrop-draw-v1 vectors (Node)', () => {
  it('uses node:crypto in Node', () => {
    expect(sha256Backend).toMatch(/^node:crypto/);
  });

  it('covers all eleven shared cases', () => {
    expect(cases).toHaveLength(11);
  });

  describe.each(cases)('$name', (c) => {
    const { record, seed, rejections, entries } = runDraw(c);

    it('reproduces commitment, root, seed and counts', () => {
      expect(record.commitment).toBe(c.expected.commitment);
      expect(record.root).toBe(c.expected.root);
      expect(seed).toBe(c.expected.seed);
      expect(record.entryCount).toBe(c.expected.entryCount);
      expect(record.totalWeight).toBe(c.expected.totalWeight);
    });

    it('reproduces winners, backups and rejections exactly', () => {
      expect(record.winners).toEqual(c.expected.winners);
      expect(record.backups).toEqual(c.expected.backups);
      expect(rejections).toBe(c.expected.rejections);
    });

    it('reproduces the proof sample, which verifies against the root', () => {
      const sample = c.expected.proofSample;
      if (!sample) return;
      const proof = inclusionProof(entries, sample.index);
      expect(proof.entryId).toBe(sample.entryId);
      expect(proof.path).toEqual(sample.path);
      expect(createProver(entries).proof(sample.index)).toEqual(proof);
      expect(verifyInclusion(proof, c.expected.root)).toBe(true);
    });

    it('verifies its own record against the unsorted entries', () => {
      expect(verifyDrawSync(record, c.entries)).toMatchObject({ ok: true, problems: [] });
    });
  });
});
