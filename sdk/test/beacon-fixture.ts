/**
 * Beacon fixtures: the real quicknet rounds of vectors/drand-quicknet.json, a draw record built
 * on one of them, and a private drand-compatible chain with its own key pair (rounds signed on
 * demand, the same scheme) for the tests that need rounds that do not exist yet.
 */
import { readFileSync } from 'node:fs';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { BEACON_DST, QUICKNET, beaconSourceOf, roundMessage, runDraw, toHex, type DrandChain, type DrawRecord } from '@fairdrop/sdk/draw';
import { sha256 } from '@noble/hashes/sha2.js';

export interface QuicknetRound { round: number; signature: string; randomness: string; randomnessPublished: boolean }

export const quicknetRounds: QuicknetRound[] = JSON.parse(readFileSync(new URL('./vectors/drand-quicknet.json', import.meta.url), 'utf8')).rounds;
export const round = (r: number): QuicknetRound => quicknetRounds.find((q) => q.round === r)!;

/** A close time (ms) whose committed round is `r`: half a second before round r − 1 is produced. */
export const closesAtFor = (chain: DrandChain, r: number): number => (chain.genesis + (r - 2) * chain.period) * 1000 - 500;

export const ENTRIES = Array.from({ length: 40 }, (_, i) => ({ entryId: `e${String(i).padStart(3, '0')}`, weight: 1 + (i % 5) }));

/** A draw that used quicknet round 1000, as the server would publish it. */
export function quicknetDraw(): { record: DrawRecord; entries: typeof ENTRIES } {
  const r = round(1000);
  const { record } = runDraw({
    dropId: 'drop_beacon', secret: '11'.repeat(32), inventory: 3, backupCount: 2, entries: ENTRIES,
    beaconSource: beaconSourceOf(QUICKNET), beaconRound: r.round, beaconSignature: r.signature,
    closesAt: new Date(closesAtFor(QUICKNET, r.round)).toISOString(),
  });
  return { record, entries: ENTRIES };
}

/** A private chain: its own key pair, `bls-unchained-g1-rfc9380`, genesis and period as given. */
export function testChain(genesis: number, period = 1, seed?: Uint8Array): { chain: DrandChain; sign(round: number): string } {
  const s = bls12_381.shortSignatures;
  const { secretKey, publicKey } = s.keygen(seed);
  const publicHex = publicKey.toHex(true);
  const chain: DrandChain = { chainHash: toHex(sha256(new TextEncoder().encode(`test-chain:${publicHex}:${genesis}:${period}`))), publicKey: publicHex, genesis, period, scheme: 'bls-unchained-g1-rfc9380', name: 'test chain' };
  return { chain, sign: (round) => s.Signature.toHex(s.sign(s.hash(roundMessage(round), BEACON_DST), secretKey)) };
}
