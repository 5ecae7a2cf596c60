import fc from 'fast-check';

const ID_CHARS = '-_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.split('');

/** Valid ids, often from a tiny alphabet so that prefixes and near-duplicates are common. */
export const idArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', 'A', '_', '-', '0'), minLength: 1, maxLength: 4 }),
  fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 64 }),
);
