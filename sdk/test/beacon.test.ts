import { describe, expect, it } from 'vitest';
import {
  QUICKNET, beaconRoundFor, chainFromInfo, chainInfoOf, checksOf, roundAt, roundTime, verifyDrawSync, verifyRound, type DrawRecord,
} from '@fairdrop/sdk/draw';
import { closesAtFor, quicknetDraw, quicknetRounds, round, testChain } from './beacon-fixture.js';

const codes = (record: unknown, entries: unknown[], chains?: Parameters<typeof verifyDrawSync>[2]) => verifyDrawSync(record, entries, chains).problems.map((p) => p.code);
const flip = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

describe('real quicknet rounds (vectors/drand-quicknet.json)', () => {
  it.each(quicknetRounds)('round $round verifies under the built-in quicknet key and its randomness is H(signature)', (r) => {
    expect(verifyRound(QUICKNET, r.round, r.signature)).toEqual({ ok: true, randomness: r.randomness });
  });

  it('refuses a genuine signature presented as another round', () => {
    expect(verifyRound(QUICKNET, 1001, round(1000).signature)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a tampered signature (one hex digit changed)', () => {
    const r = verifyRound(QUICKNET, 1000, flip(round(1000).signature, 20));
    expect(r.ok).toBe(false);
    expect(['bad_signature', 'malformed_signature']).toContain(!r.ok && r.reason);
  });

  it('refuses a signature of the right round under another chain key', () => {
    const other = testChain(QUICKNET.genesis, 3).chain;
    expect(verifyRound(other, 1000, round(1000).signature)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses malformed signatures without throwing', () => {
    expect(verifyRound(QUICKNET, 1000, 'zz')).toMatchObject({ ok: false, reason: 'malformed_signature' });
    expect(verifyRound(QUICKNET, 1000, 'ab'.repeat(47))).toMatchObject({ ok: false, reason: 'malformed_signature' });
    expect(verifyRound(QUICKNET, 0, round(1000).signature)).toMatchObject({ ok: false, reason: 'bad_round' });
  });
});

describe('round arithmetic (DRAW-SPEC §4.1)', () => {
  it('round r is produced at genesis + (r − 1)·period, and roundAt inverts it', () => {
    expect(roundTime(QUICKNET, 1)).toBe(QUICKNET.genesis);
    expect(roundAt(QUICKNET, roundTime(QUICKNET, 1000))).toBe(1000);
    expect(roundAt(QUICKNET, roundTime(QUICKNET, 1000) - 1)).toBe(999);
  });

  it('commits to the first round produced strictly after the scheduled close, rounding the close up to a whole second', () => {
    const t = roundTime(QUICKNET, 1000);
    expect(beaconRoundFor(QUICKNET, t * 1000)).toBe(1001); // round 1000 is produced at the close: not after it
    expect(beaconRoundFor(QUICKNET, t * 1000 - 1)).toBe(1001); // 1 ms before rounds up to the whole second t
    expect(beaconRoundFor(QUICKNET, (t - 1) * 1000)).toBe(1000);
    expect(beaconRoundFor(QUICKNET, closesAtFor(QUICKNET, 1000))).toBe(1000);
  });

  it('reads drand chain info and writes it back', () => {
    expect(chainFromInfo(chainInfoOf(QUICKNET))).toMatchObject({ chainHash: QUICKNET.chainHash, publicKey: QUICKNET.publicKey, genesis: QUICKNET.genesis, period: 3 });
    expect(() => chainFromInfo({ ...chainInfoOf(QUICKNET), schemeID: 'pedersen-bls-chained' })).toThrow(/schemeID/);
    expect(() => chainFromInfo({ ...chainInfoOf(QUICKNET), public_key: 'ab' })).toThrow(/public_key/);
  });
});

describe('verifying a draw that used quicknet round 1000', () => {
  const { record, entries } = quicknetDraw();

  it('verifies, every check passed', () => {
    const r = verifyDrawSync(record, entries);
    expect(r.problems).toEqual([]);
    expect(checksOf(record, r).map((c) => c.status)).toEqual(Array(10).fill('passed'));
  });

  it('a tampered signature fails with beacon_signature_invalid (and the beacon no longer equals its hash)', () => {
    const got = codes({ ...record, beaconSignature: flip(record.beaconSignature!, 30) }, entries);
    expect(got).toContain('beacon_signature_invalid');
    expect(got).toContain('beacon_mismatch');
  });

  it('a wrong round fails with beacon_round_mismatch, and its signature no longer verifies', () => {
    const got = codes({ ...record, beaconRound: 1001 }, entries);
    expect(got).toContain('beacon_round_mismatch');
    expect(got).toContain('beacon_signature_invalid');
  });

  it('a genuine later round (operator waiting for a round it likes) fails with beacon_round_mismatch alone among the beacon checks', () => {
    const later = round(1005);
    const rec: DrawRecord = { ...record, beaconRound: later.round, beaconSignature: later.signature, beacon: later.randomness };
    const got = codes(rec, entries);
    expect(got[0]).toBe('beacon_round_mismatch');
    expect(got).not.toContain('beacon_signature_invalid');
    expect(got).not.toContain('beacon_mismatch');
    expect(got).toContain('winner_mismatch'); // a different beacon draws different winners
  });

  it('a moved close time fails with beacon_round_mismatch', () => {
    const r = verifyDrawSync({ ...record, closesAt: new Date(closesAtFor(QUICKNET, 1003)).toISOString() }, entries);
    expect(r.problems[0]).toMatchObject({ code: 'beacon_round_mismatch', recorded: '1000', recomputed: '1003' });
  });

  it('a beacon that is not H(signature) fails with beacon_mismatch', () => {
    expect(codes({ ...record, beacon: round(1001).randomness }, entries)).toContain('beacon_mismatch');
  });

  it('an unknown chain fails with unknown_beacon_source, and passes once its key is given explicitly', () => {
    const t = testChain(1_700_000_000, 2);
    const sig = t.sign(50);
    const { record: rec } = { record: { ...record, beaconSource: `drand:${t.chain.chainHash}`, beaconRound: 50, beaconSignature: sig, closesAt: new Date(closesAtFor(t.chain, 50)).toISOString() } };
    expect(codes(rec, entries)).toContain('unknown_beacon_source');
    const beacon = verifyRound(t.chain, 50, sig);
    const fixed = { ...rec, beacon: beacon.ok ? beacon.randomness : '' };
    expect(codes(fixed, entries, { chains: [t.chain] }).filter((c) => c.startsWith('beacon') || c === 'unknown_beacon_source')).toEqual([]);
  });

  it('a record naming a beacon must carry the round, the signature and closesAt', () => {
    const { beaconRound: _r, ...noRound } = record;
    expect(codes(noRound, entries)).toEqual(['invalid_record']);
  });

  it('a record without a beacon source skips the drand checks', () => {
    const plain = { ...record, beaconSource: null, beaconRound: undefined, beaconSignature: undefined };
    const checks = checksOf({ ...plain, beacon: '' }, verifyDrawSync({ ...plain, beacon: '' }, entries));
    expect(checks.filter((c) => c.status === 'skipped').map((c) => c.id)).toEqual(['beacon_source', 'beacon_round', 'beacon_signature']);
  });
});
