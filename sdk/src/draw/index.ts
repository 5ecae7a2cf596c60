/**
 * fairdrop-draw-v1: the provable draw (docs/draw-spec.md), one implementation for
 * Node and browsers. The server runs draws with it; auditors verify them with it.
 *
 * @example
 * import { runDraw, verifyDrawSync } from '@fairdrop/sdk/draw';
 * const { record, entries } = runDraw({ dropId, secret, inventory: 10, backupCount: 5, entries: list });
 * verifyDrawSync(record, list).ok; // true
 * @module
 */
export { toHex, fromHex, asciiBytes } from './bytes.js';
export { DrawInputError, DRAW_INPUT_ERROR_CODES, type DrawInputErrorCode } from './errors.js';
export {
  EntryCollector,
  canonicalize,
  canonicalizeAsync,
  checkEntry,
  entryAt,
  entryIdAt,
  isValidId,
  ID_PATTERN,
  MAX_WEIGHT,
  MAX_TOTAL_WEIGHT,
  type CanonicalEntries,
  type Entry,
} from './entries.js';
export { sortCanonical } from './canonical-sort.js';
export { EMPTY_ROOT, leafHash, nodeHash, merkleRoot, merkleRootOf, createLeafWriter, type LeafWriter } from './merkle.js';
export { inclusionProof, createProver, verifyInclusion, type InclusionProof } from './proof.js';
export { SPEC_ID, commitmentOf, seedOf } from './seed.js';
export { DrawStream } from './stream.js';
export { selectWeighted, buildFenwick, findFirstAbove } from './select.js';
export { decodeParams, type DrawParams, type DecodedParams } from './params.js';
export { computeDraw, type DrawComputation } from './draw.js';
export { runDraw, isCanonical, type DrawInput, type DrawRecord, type DrawResult } from './run.js';
export { verifyDraw, verifyDrawSync, VERIFY_PROBLEM_CODES, type EntrySource, type VerifyOptions, type VerifyProblem, type VerifyResult } from './verify.js';
export { KNOWN_CHAINS } from './verify-beacon.js';
export { checksOf, CHECK_IDS, type CheckId, type CheckOutcome } from './verify-checks.js';
export {
  QUICKNET,
  BEACON_DST,
  beaconSourceOf,
  chainOfSource,
  roundAt,
  roundTime,
  beaconRoundFor,
  roundMessage,
  verifyRound,
  chainFromInfo,
  chainInfoOf,
  type DrandChain,
  type RoundCheck,
} from './beacon.js';
export { parseEntryLine, entriesFromNdjsonLines, ndjsonLines } from './ndjson.js';
export { sha256, sha256Into, sha256Backend } from '#sha256';
