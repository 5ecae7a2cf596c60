import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idArb } from '../../test/arbitraries.js';
import { refSort } from '../../test/reference.js';
import { canonicalize, canonicalizeAsync, entryAt, MAX_WEIGHT } from './entries.js';
import { DrawInputError } from './errors.js';

const all = (c: ReturnType<typeof canonicalize>) => Array.from({ length: c.size }, (_, i) => entryAt(c, i));
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DrawInputError ? e.code : String(e);
  }
  return 'no error';
};

describe('canonical order', () => {
  it('sorts bytewise: case-sensitive, a prefix before its extensions, never a locale compare', () => {
    const ids = ['b', 'ab', 'abc', 'B', 'a', '_', '-', '0', 'Z', 'a_', 'a-'];
    const sorted = all(canonicalize(ids.map((entryId) => ({ entryId, weight: 1 })))).map((e) => e.entryId);
    expect(sorted).toEqual(['-', '0', 'B', 'Z', '_', 'a', 'a-', 'a_', 'ab', 'abc', 'b']);
  });

  it('agrees with plain string comparison on random ids (ASCII, so UTF-16 order is byte order)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { maxLength: 300 }), (ids) => {
        const entries = ids.map((entryId, i) => ({ entryId, weight: i + 1 }));
        expect(all(canonicalize(entries))).toEqual(refSort(entries));
      }),
    );
  });

  it('gives the same result from an async iterable', async () => {
    async function* gen() {
      yield { entryId: 'b', weight: 2 };
      yield { entryId: 'a', weight: 1 };
    }
    expect(all(await canonicalizeAsync(gen()))).toEqual([{ entryId: 'a', weight: 1 }, { entryId: 'b', weight: 2 }]);
  });
});

describe('entry validation', () => {
  const one = (entry: unknown) => () => canonicalize([entry]);

  it.each([
    ['an empty id', { entryId: '', weight: 1 }, 'invalid_entry_id'],
    ['a 65-character id', { entryId: 'a'.repeat(65), weight: 1 }, 'invalid_entry_id'],
    ['a space in the id', { entryId: 'a b', weight: 1 }, 'invalid_entry_id'],
    ['a non-ASCII id', { entryId: 'é', weight: 1 }, 'invalid_entry_id'],
    ['a numeric id', { entryId: 7, weight: 1 }, 'invalid_entry_id'],
    ['weight 0', { entryId: 'a', weight: 0 }, 'invalid_weight'],
    ['weight 2^32', { entryId: 'a', weight: 2 ** 32 }, 'invalid_weight'],
    ['a fractional weight', { entryId: 'a', weight: 1.5 }, 'invalid_weight'],
    ['a string weight', { entryId: 'a', weight: '1' }, 'invalid_weight'],
    ['null', null, 'invalid_entry'],
  ])('rejects %s', (_label, entry, code) => {
    expect(codeOf(one(entry))).toBe(code);
  });

  it('accepts the extremes: 64-character ids and weight 2^32 - 1', () => {
    expect(canonicalize([{ entryId: 'z'.repeat(64), weight: MAX_WEIGHT }]).totalWeight).toBe(MAX_WEIGHT);
  });

  it('rejects duplicate ids and names the id', () => {
    const f = () => canonicalize([{ entryId: 'x', weight: 1 }, { entryId: 'y', weight: 1 }, { entryId: 'x', weight: 2 }]);
    expect(codeOf(f)).toBe('duplicate_entry_id');
    expect(f).toThrow(/"x"/);
  });

  it('rejects a total weight above 2^53 - 1', () => {
    // 2^21 + 2 entries of weight 2^32 - 1 exceed 2^53 - 1.
    const n = 2 ** 21 + 2;
    const entries = Array.from({ length: n }, (_, i) => ({ entryId: `e${i}`, weight: MAX_WEIGHT }));
    expect(codeOf(() => canonicalize(entries))).toBe('total_weight_too_large');
  });
});
