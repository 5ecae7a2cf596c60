/** docs/draw-spec.md §4.1's worked example must be what @fairdrop/sdk/draw computes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUICKNET, beaconRoundFor, beaconSourceOf, roundAt, roundMessage, runDraw, toHex, verifyRound, verifyDrawSync } from '@fairdrop/sdk/draw';

const page = readFileSync(new URL('../../docs/draw-spec.md', import.meta.url), 'utf8');
const section = page.slice(page.indexOf('### 4.1'), page.indexOf('## 5.'));
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const value = (label: string) => new RegExp(`^${escape(label)}\\s*= (\\S+)`, 'm').exec(section)?.[1];

describe('draw-spec §4.1 worked example', () => {
  const closesAt = Date.parse(/closesAt = (\S+)`/.exec(section)![1]!);
  const signature = value('signature (from a relay)')!;
  const secret = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
  const entries = [{ entryId: 'e_k9', weight: 5 }, { entryId: 'e_Q3', weight: 2 }, { entryId: 'e_A1', weight: 10 }, { entryId: 'e_Q', weight: 1 }, { entryId: 'e_Zz', weight: 7 }];

  it('fixes round 1000 from the close', () => {
    expect(Number(value('closesAt, rounded up'))).toBe(Math.ceil(closesAt / 1000));
    expect(roundAt(QUICKNET, Math.ceil(closesAt / 1000))).toBe(999);
    expect(beaconRoundFor(QUICKNET, closesAt)).toBe(1000);
    expect(value('beaconSource')).toBe(beaconSourceOf(QUICKNET));
    expect(value('m = H(u64be(1000))')).toBe(toHex(roundMessage(1000)));
  });

  it('verifies the signature and derives beacon, seed, winners and backups', () => {
    const check = verifyRound(QUICKNET, 1000, signature);
    expect(check).toEqual({ ok: true, randomness: value('beacon = H(signature)') });
    const r = runDraw({ dropId: 'drop_example', secret, inventory: 2, backupCount: 1, entries, beaconSource: beaconSourceOf(QUICKNET), beaconRound: 1000, beaconSignature: signature, closesAt: new Date(closesAt).toISOString() });
    expect(r.seed).toBe(value('seed (as §4, beacon last)'));
    expect(section).toContain(`winners: ${JSON.stringify(r.record.winners)}, backups: ${JSON.stringify(r.record.backups)}`);
    expect(verifyDrawSync(r.record, entries).ok).toBe(true);
    expect(verifyDrawSync({ ...r.record, beaconRound: 1001 }, entries).problems.map((p) => p.code)).toContain('beacon_round_mismatch');
  });
});
