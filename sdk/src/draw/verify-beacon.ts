import { sha256 } from '#sha256';
import { beaconRoundFor, chainOfSource, QUICKNET, verifyRound, type DrandChain } from './beacon.js';
import { fromHex, preview, toHex } from './bytes.js';
import type { DrawRecord } from './run.js';
import type { VerifyProblem } from './verify-problem.js';

/** Chains a verifier knows unless told otherwise: quicknet only, its key built in (never from the record). */
export const KNOWN_CHAINS: readonly DrandChain[] = [QUICKNET];

type Add = (code: VerifyProblem['code'], message: string, recorded?: string, recomputed?: string) => void;

/**
 * DRAW-SPEC §4.1 checks: `beaconSource` names a known chain; `beaconRound == roundAt(closesAt) + 1`;
 * the signature verifies under the chain's key; `beacon == H(signature)`.
 */
export function checkBeacon(record: DrawRecord, chains: readonly DrandChain[], add: Add): void {
  // No named source: a plain §4 beacon (empty, or raw bytes as in the shared vectors); nothing to check here.
  if (record.beaconSource === null || record.beaconSource === undefined) return;
  const { beaconRound: round, beaconSignature: signature, closesAt } = record;
  if (!Number.isSafeInteger(round) || (round as number) < 1) return add('invalid_record', `a record with beaconSource needs beaconRound, an integer >= 1, got ${preview(round)}`);
  if (typeof signature !== 'string') return add('invalid_record', `a record with beaconSource needs beaconSignature (hex), got ${preview(signature)}`);
  const closesMs = typeof closesAt === 'string' ? Date.parse(closesAt) : NaN;
  if (!Number.isFinite(closesMs)) return add('invalid_record', `a record with beaconSource needs closesAt (ISO 8601), got ${preview(closesAt)}`);
  beaconValue(record.beacon, signature, add);
  const chain = chainOfSource(record.beaconSource, chains);
  if (!chain) {
    const known = chains.map((c) => `drand:${c.chainHash}${c.name ? ` (${c.name})` : ''}`).join(', ');
    return add('unknown_beacon_source', `beaconSource ${preview(record.beaconSource)} names no drand chain this verifier knows (${known}); to check another chain, give its key explicitly (fairdrop-verify --beacon-key CHAIN-INFO.json)`, record.beaconSource, known);
  }
  const expected = beaconRoundFor(chain, closesMs);
  if (round !== expected) {
    add('beacon_round_mismatch', `beaconRound: record says ${round}, but the first round after closesAt ${closesAt} is ${expected}`, String(round), String(expected));
  }
  const v = verifyRound(chain, round as number, signature);
  if (!v.ok) add('beacon_signature_invalid', `beaconSignature is not drand's signature of round ${round}: ${v.message}`, signature, `a valid signature of round ${round}`);
}

function beaconValue(beacon: string, signature: string, add: Add): void {
  let h: string;
  try {
    h = toHex(sha256(fromHex(signature, 'beaconSignature')));
  } catch (e) {
    return add('beacon_signature_invalid', (e as Error).message);
  }
  if (beacon !== h) add('beacon_mismatch', `beacon must be H(beaconSignature) = ${h}, record says ${preview(beacon)}`, beacon, h);
}
