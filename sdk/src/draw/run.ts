import { computeDraw } from './draw.js';
import { canonicalize, type CanonicalEntries } from './entries.js';
import { decodeParams, type DrawParams } from './params.js';
import { SPEC_ID } from './seed.js';
import { fromHex, toHex } from './bytes.js';
import { DrawInputError } from './errors.js';
import { sha256 } from '#sha256';

/** The published draw record, exactly the fields of DRAW-SPEC §7. */
export interface DrawRecord {
  readonly spec: typeof SPEC_ID;
  readonly dropId: string;
  readonly inventory: number;
  readonly backupCount: number;
  readonly commitment: string;
  readonly secret: string;
  readonly beacon: string;
  /** `"drand:" || chainHash` (DRAW-SPEC §4.1); null without a beacon. */
  readonly beaconSource: string | null;
  /** The drand round committed to at creation (§4.1); absent without a beacon. */
  readonly beaconRound?: number;
  /** That round's BLS signature (hex); `beacon = H(beaconSignature)`. Absent without a beacon. */
  readonly beaconSignature?: string;
  /** The scheduled close (ISO 8601) the round was fixed from. */
  readonly closesAt?: string;
  readonly root: string;
  readonly entryCount: number;
  readonly totalWeight: number;
  readonly winners: readonly string[];
  /** Backups in promotion order. */
  readonly backups: readonly string[];
}

/** Input of {@link runDraw}. */
export interface DrawInput extends Omit<DrawParams, 'beacon'> {
  /** Hex beacon; omitted or `''` when unused. */
  readonly beacon?: string;
  readonly beaconSource?: string | null;
  /** With a drand beacon (§4.1): the round and its signature; `beacon` is then `H(signature)`. */
  readonly beaconRound?: number;
  readonly beaconSignature?: string;
  /** The scheduled close, ISO 8601 (§4.1), copied to the record. */
  readonly closesAt?: string;
  /** Entries in any order (validated here), or already canonical from {@link canonicalize}. */
  readonly entries: Iterable<unknown> | CanonicalEntries;
}

/** What {@link runDraw} returns: the record to publish, plus values useful to keep. */
export interface DrawResult {
  /** Publish this as is (DRAW-SPEC §7). */
  readonly record: DrawRecord;
  /** The seed (hex). Not in §7, since anyone can recompute it; handy for logs and tests. */
  readonly seed: string;
  /** Stream reads rejected by `uniform` (almost always 0; the vectors pin it). */
  readonly rejections: number;
  /** The entries in canonical order: the snapshot to publish and to build proofs from. */
  readonly entries: CanonicalEntries;
}

/**
 * Runs a fairdrop-draw-v1 draw.
 * @throws DrawInputError when any input breaks a rule of the spec (nothing is repaired).
 * @example
 * const { record } = runDraw({
 *   dropId: 'drop_1', secret: '5862…c01a', inventory: 2, backupCount: 1,
 *   entries: [{ entryId: 'a', weight: 1 }, { entryId: 'b', weight: 3 }],
 * });
 * record.winners; // e.g. ['b', 'a']
 */
export function runDraw(input: DrawInput): DrawResult {
  const beacon = input.beaconSignature !== undefined ? toHex(sha256(fromHex(input.beaconSignature, 'beaconSignature'))) : input.beacon ?? '';
  if (input.beacon !== undefined && input.beacon !== beacon) {
    throw new DrawInputError('invalid_hex', `beacon must be H(beaconSignature) = ${beacon}, got ${input.beacon}`);
  }
  const params = decodeParams({ ...input, beacon });
  const entries = isCanonical(input.entries) ? input.entries : canonicalize(input.entries);
  const c = computeDraw(params, entries);
  const record: DrawRecord = {
    spec: SPEC_ID,
    dropId: input.dropId,
    inventory: input.inventory,
    backupCount: input.backupCount,
    commitment: c.commitment,
    secret: input.secret,
    beacon,
    beaconSource: input.beaconSource ?? null,
    ...(input.beaconRound !== undefined ? { beaconRound: input.beaconRound } : {}),
    ...(input.beaconSignature !== undefined ? { beaconSignature: input.beaconSignature } : {}),
    ...(input.closesAt !== undefined ? { closesAt: input.closesAt } : {}),
    root: c.root,
    entryCount: c.entryCount,
    totalWeight: c.totalWeight,
    winners: c.winners,
    backups: c.backups,
  };
  return { record, seed: c.seed, rejections: c.rejections, entries };
}

/** True for the output of {@link canonicalize} (as opposed to a list of entries). */
export function isCanonical(entries: unknown): entries is CanonicalEntries {
  return typeof entries === 'object' && entries !== null && (entries as CanonicalEntries).idBytes instanceof Uint8Array;
}
