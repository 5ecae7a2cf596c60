/**
 * Prints the worked example of docs/draw-spec.md, step by step, from this package's
 * own primitives (and checks it against runDraw). sdk/test/docs-example.test.ts keeps
 * the page in sync with it.
 *   node --conditions=source --import tsx sdk/scripts/worked-example.ts
 */
import {
  DrawStream, asciiBytes, canonicalize, entryAt, fromHex, leafHash, nodeHash, runDraw, seedOf, sha256, toHex,
} from '../src/draw/index.js';
import { writeU64be } from '../src/draw/bytes.js';

export const EXAMPLE = {
  dropId: 'drop_example',
  secret: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  beacon: '',
  inventory: 2,
  backupCount: 1,
  entries: [
    { entryId: 'e_k9', weight: 5 },
    { entryId: 'e_Q3', weight: 2 },
    { entryId: 'e_A1', weight: 10 },
    { entryId: 'e_Q', weight: 1 },
    { entryId: 'e_Zz', weight: 7 },
  ],
};

/** The example as markdown lines. */
export function workedExample(): string[] {
  const out: string[] = [];
  const c = canonicalize(EXAMPLE.entries);
  const sorted = Array.from({ length: c.size }, (_, i) => entryAt(c, i));
  out.push('Canonical order (bytewise): ' + sorted.map((e) => `\`${e.entryId}\` (${e.weight})`).join(', '));
  out.push('', '| i | entryId | weight | leaf input `00 ‖ u16be(len) ‖ id ‖ u64be(weight)` | leafHash |', '|---|---|---|---|---|');
  const leaves = sorted.map((e, i) => {
    const id = asciiBytes(e.entryId);
    const input = new Uint8Array(11 + id.length);
    input[2] = id.length;
    input.set(id, 3);
    writeU64be(input, 3 + id.length, e.weight);
    const h = leafHash(id, e.weight);
    out.push(`| ${i} | \`${e.entryId}\` | ${e.weight} | \`${toHex(input)}\` | \`${toHex(h)}\` |`);
    return h;
  });
  const [l0, l1, l2, l3, l4] = leaves as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const n01 = nodeHash(l0, l1);
  const n23 = nodeHash(l2, l3);
  const n03 = nodeHash(n01, n23);
  const root = nodeHash(n03, l4);
  out.push('', 'Tree (n = 5, k = 4; the fifth leaf is carried up, not duplicated):', '```');
  out.push(`MTH[0:2] = nodeHash(leaf0, leaf1)       = ${toHex(n01)}`);
  out.push(`MTH[2:4] = nodeHash(leaf2, leaf3)       = ${toHex(n23)}`);
  out.push(`MTH[0:4] = nodeHash(MTH[0:2], MTH[2:4]) = ${toHex(n03)}`);
  out.push(`root     = nodeHash(MTH[0:4], leaf4)    = ${toHex(root)}`, '```');
  const secret = fromHex(EXAMPLE.secret);
  const seed = seedOf(EXAMPLE.dropId, secret, root, new Uint8Array(0));
  const dropId = asciiBytes(EXAMPLE.dropId);
  const preimage = [asciiBytes('fairdrop-draw-v1'), Uint8Array.of(0, 0, dropId.length), dropId, secret, root].map(toHex);
  out.push('', '```', `commitment = H(secret) = ${toHex(sha256(secret))}`);
  out.push(`seed input = ${preimage.join(' ')}`, '             (spec id, 00, u16be(len), dropId, secret, root; the beacon is empty)');
  out.push(`seed       = ${toHex(seed)}`);
  const block0 = sha256(new Uint8Array([...seed, 0, 0, 0, 0, 0, 0, 0, 0]));
  out.push(`block(0)   = H(seed ‖ u64be(0)) = ${toHex(block0)}`, '```');
  out.push(...selectionSteps(c.weights, c.totalWeight, seed, sorted.map((e) => e.entryId)));
  return out;
}

function selectionSteps(weights: Float64Array, total: number, seed: Uint8Array, ids: string[]): string[] {
  const out = ['', '| pick | Wremaining | x = next53() | limit | r = x mod W | prefix sums of remaining weights | chosen |', '|---|---|---|---|---|---|---|'];
  const w = Array.from(weights);
  const stream = new DrawStream(seed);
  let remaining = total;
  const picks: string[] = [];
  const k = Math.min(ids.length, Math.min(EXAMPLE.inventory, ids.length) + EXAMPLE.backupCount);
  for (let p = 0; p < k; p++) {
    const limit = 2 ** 53 - (2 ** 53 % remaining);
    let x = stream.next53();
    while (x >= limit) x = stream.next53(); // never happens here; shown for completeness
    const r = x % remaining;
    const prefix: number[] = [];
    w.reduce((acc, v) => (prefix.push(acc + v), acc + v), 0);
    const i = prefix.findIndex((s) => s > r);
    out.push(`| ${p + 1} | ${remaining} | ${x} | ${limit} | ${r} | ${prefix.join(', ')} | index ${i}, \`${ids[i]}\` |`);
    picks.push(ids[i]!);
    remaining -= w[i]!;
    w[i] = 0;
  }
  const { record } = runDraw(EXAMPLE);
  if (JSON.stringify([...record.winners, ...record.backups]) !== JSON.stringify(picks)) throw new Error('example disagrees with runDraw');
  out.push('', `winners: ${JSON.stringify(record.winners)}, backups: ${JSON.stringify(record.backups)}`);
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) console.log(workedExample().join('\n'));
