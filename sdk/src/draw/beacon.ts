/**
 * DRAW-SPEC §4.1: a drand round as the draw's beacon. Pure functions, the same in Node and
 * browsers: which round a drop commits to, and whether a round's signature is genuine.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '#sha256';
import { fromHex, preview, toHex } from './bytes.js';

/** A drand network with the `bls-unchained-g1-rfc9380` scheme. */
export interface DrandChain {
  /** The chain hash (hex), as in `beaconSource = "drand:" || chainHash`. */
  readonly chainHash: string;
  /** The group public key: a compressed G2 point, 96 bytes as hex. */
  readonly publicKey: string;
  /** Unix seconds of round 1. */
  readonly genesis: number;
  /** Seconds between rounds. */
  readonly period: number;
  readonly scheme: 'bls-unchained-g1-rfc9380';
  /** A human name, e.g. "League of Entropy quicknet". */
  readonly name?: string;
}

/** League of Entropy "quicknet", as published by drand (`GET /52db…e971/info`). */
export const QUICKNET: DrandChain = Object.freeze({
  chainHash: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971',
  publicKey:
    '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
  genesis: 1692803367,
  period: 3,
  scheme: 'bls-unchained-g1-rfc9380',
  name: 'League of Entropy quicknet',
});

/** RFC 9380 hash-to-G1 suite and DST of the scheme. */
export const BEACON_DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';
const SOURCE_PREFIX = 'drand:';

/** `beaconSource` of a drop that uses `chain`. */
export const beaconSourceOf = (chain: DrandChain): string => `${SOURCE_PREFIX}${chain.chainHash}`;

/** The chain a `beaconSource` names, among `chains`; undefined when none. */
export function chainOfSource(source: string, chains: readonly DrandChain[]): DrandChain | undefined {
  if (!source.startsWith(SOURCE_PREFIX)) return undefined;
  return chains.find((c) => c.chainHash === source.slice(SOURCE_PREFIX.length));
}

/** `roundAt(t) = floor((t − genesis) / period) + 1`: the latest round produced at or before `t` (Unix seconds). */
export const roundAt = (chain: DrandChain, t: number): number => Math.floor((t - chain.genesis) / chain.period) + 1;

/** Unix seconds at which round `r` is produced: `genesis + (r − 1) · period`. */
export const roundTime = (chain: DrandChain, round: number): number => chain.genesis + (round - 1) * chain.period;

/**
 * The round a drop commits to at creation: `roundAt(closesAt) + 1` with `closesAt` the scheduled
 * close in whole seconds, rounded up — the first round produced strictly after the close.
 * @example beaconRoundFor(QUICKNET, Date.parse('2024-01-01T00:00:00Z')) // 1746210
 */
export function beaconRoundFor(chain: DrandChain, closesAtMs: number): number {
  return roundAt(chain, Math.ceil(closesAtMs / 1000)) + 1;
}

/** `m = H(u64be(round))`, the message a round's signature signs. */
export function roundMessage(round: number): Uint8Array {
  const m = new Uint8Array(8);
  new DataView(m.buffer).setBigUint64(0, BigInt(round));
  return sha256(m);
}

/** Outcome of {@link verifyRound}: the round's randomness, or why it is not genuine. */
export type RoundCheck =
  | { readonly ok: true; readonly randomness: string }
  | { readonly ok: false; readonly reason: 'malformed_signature' | 'bad_signature' | 'bad_round' | 'bad_public_key'; readonly message: string };

/**
 * Checks a round's `signature` (hex, 48 bytes) under the chain's public key (§4.1) and returns
 * `randomness = H(signature)`. Never throws for bad input.
 * @example verifyRound(QUICKNET, 1000, 'b44679…5e39') // { ok: true, randomness: 'fe290b…4fdd' }
 */
export function verifyRound(chain: DrandChain, round: number, signature: string): RoundCheck {
  if (!Number.isSafeInteger(round) || round < 1) return { ok: false, reason: 'bad_round', message: `the round must be an integer >= 1, got ${preview(round)}` };
  let sig: Uint8Array;
  try {
    sig = fromHex(signature, 'beaconSignature');
  } catch (e) {
    return { ok: false, reason: 'malformed_signature', message: (e as Error).message };
  }
  if (sig.length !== 48) return { ok: false, reason: 'malformed_signature', message: `a signature is 48 bytes (a compressed G1 point), got ${sig.length}` };
  const s = bls12_381.shortSignatures;
  let key;
  try {
    key = bls12_381.G2.Point.fromHex(chain.publicKey);
  } catch (e) {
    return { ok: false, reason: 'bad_public_key', message: `the chain's public key is not a G2 point: ${(e as Error).message}` };
  }
  let valid: boolean;
  try {
    valid = s.verify(sig, s.hash(roundMessage(round), BEACON_DST), key);
  } catch (e) {
    return { ok: false, reason: 'malformed_signature', message: `the signature is not a point of G1: ${(e as Error).message}` };
  }
  if (!valid) return { ok: false, reason: 'bad_signature', message: `the signature does not verify for round ${round} under the key of drand chain ${chain.chainHash.slice(0, 12)}…` };
  return { ok: true, randomness: toHex(sha256(sig)) };
}

/**
 * A chain from drand's `GET /{chainHash}/info` JSON (`public_key`, `period`, `genesis_time`,
 * `hash`, `schemeID`) — for `fairdrop-verify --beacon-key` and private drand networks.
 * @throws Error saying which field is wrong.
 */
export function chainFromInfo(info: unknown): DrandChain {
  const i = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const hex = (v: unknown, bytes: number, name: string) => {
    if (typeof v !== 'string' || !/^[0-9a-f]*$/.test(v) || v.length !== bytes * 2) throw new Error(`chain info: ${name} must be ${bytes} bytes of lower-case hex`);
    return v;
  };
  const int = (v: unknown, name: string, min: number) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new Error(`chain info: ${name} must be an integer >= ${min}`);
    return v;
  };
  if (i.schemeID !== 'bls-unchained-g1-rfc9380') throw new Error(`chain info: schemeID must be "bls-unchained-g1-rfc9380", got ${preview(i.schemeID)}`);
  return {
    chainHash: hex(i.hash, 32, 'hash'),
    publicKey: hex(i.public_key, 96, 'public_key'),
    genesis: int(i.genesis_time, 'genesis_time', 0),
    period: int(i.period, 'period', 1),
    scheme: 'bls-unchained-g1-rfc9380',
    ...(typeof i.name === 'string' ? { name: i.name } : {}),
  };
}

/** drand's `/info` JSON for a chain (the inverse of {@link chainFromInfo}). */
export function chainInfoOf(chain: DrandChain): Record<string, unknown> {
  return { public_key: chain.publicKey, period: chain.period, genesis_time: chain.genesis, hash: chain.chainHash, schemeID: chain.scheme };
}
