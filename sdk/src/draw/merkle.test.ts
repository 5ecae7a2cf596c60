import { describe, expect, it } from 'vitest';
import { hex, refPath, refRoot, type RefEntry } from '../../test/reference.js';
import { canonicalize } from './entries.js';
import { EMPTY_ROOT, merkleRoot } from './merkle.js';
import { createProver, inclusionProof, verifyInclusion, type InclusionProof } from './proof.js';

const tree = (n: number): RefEntry[] => Array.from({ length: n }, (_, i) => ({ entryId: `id${String(i).padStart(3, '0')}`, weight: (i * 7919) % 1000 + 1 }));
const SIZES = Array.from({ length: 40 }, (_, i) => i + 1);

/** Every single-character change to a hex string. */
function* hexVariants(h: string): Generator<string> {
  for (let i = 0; i < h.length; i++) yield h.slice(0, i) + (h[i] === '0' ? '1' : '0') + h.slice(i + 1);
}

describe('merkle root', () => {
  it('is H() for no entries', () => {
    expect(hex(merkleRoot(canonicalize([])))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(EMPTY_ROOT)).toBe(hex(refRoot([])));
  });

  it.each([0, ...SIZES, 63, 64, 65, 100, 257])('matches the recursive RFC 6962 definition for %i leaves', (n) => {
    const d = tree(n);
    expect(hex(merkleRoot(canonicalize(d)))).toBe(hex(refRoot(d)));
  });
});

describe('inclusion proofs', () => {
  it.each(SIZES)('verify for every index of a %i-entry tree and match RFC 6962 PATH', (n) => {
    const d = tree(n);
    const c = canonicalize(d);
    const root = hex(refRoot(d));
    const prover = createProver(c);
    expect(prover.root).toBe(root);
    for (let i = 0; i < n; i++) {
      const proof = inclusionProof(c, i);
      expect(proof.path).toEqual(refPath(i, d).map(hex));
      expect(prover.proof(i)).toEqual(proof);
      expect(verifyInclusion(proof, root)).toBe(true);
    }
  });

  it.each(SIZES)('fail for any changed byte, weight, id, index or size (%i entries)', (n) => {
    const c = canonicalize(tree(n));
    const root = hex(merkleRoot(c));
    for (let i = 0; i < n; i++) {
      const p = inclusionProof(c, i);
      const bad: InclusionProof[] = [
        { ...p, weight: p.weight + 1 },
        { ...p, entryId: `${p.entryId}x` },
        { ...p, index: (p.index + 1) % (n + 1) },
        { ...p, path: [...p.path, p.path[0] ?? root] },
      ];
      if (p.path.length > 0) bad.push({ ...p, path: p.path.slice(1) });
      p.path.forEach((h, k) => {
        for (const v of hexVariants(h)) bad.push({ ...p, path: p.path.map((x, j) => (j === k ? v : x)) });
      });
      for (const b of bad) expect(verifyInclusion(b, root, n)).toBe(false);
      // The root does not commit to the size, so the size is checked against the record.
      expect(verifyInclusion({ ...p, size: n + 1 }, root, n)).toBe(false);
      for (const r of hexVariants(root)) expect(verifyInclusion(p, r)).toBe(false);
    }
  });

  it('rejects malformed hex instead of throwing', () => {
    const c = canonicalize(tree(3));
    const p = inclusionProof(c, 1);
    expect(verifyInclusion({ ...p, path: p.path.map((h) => h.toUpperCase()) }, hex(merkleRoot(c)))).toBe(false);
    expect(verifyInclusion(p, 'zz')).toBe(false);
  });
});
