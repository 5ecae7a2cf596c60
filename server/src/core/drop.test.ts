import { describe, it, expect } from 'vitest';
import { promoteAfterExpiry, publicView, totalCounts } from './drop.js';
import type { DropConfig } from './model.js';

const config: DropConfig = {
  id: 'drp1', merchantId: 'mer1', name: 'Drop', inventory: 2, opensAt: 0, closesAt: 60_000, purchaseWindowSeconds: 60, maxTickets: 3,
  ticketPrice: { amount: 100, currency: 'EUR' }, backupCount: 2, loyaltyMultipliers: {}, rollover: { enabled: true, cap: 5 },
  allowAnonymous: false, beaconSource: '', trustThreshold: 50, powDifficulty: 10, shards: 4, createdAt: 0, commitment: 'c'.repeat(64),
};

describe('drop lifecycle logic', () => {
  it('sums the latest counts of every shard', () => {
    expect(totalCounts({ 0: { entries: 2, tickets: 3, weight: 4 }, 3: { entries: 1, tickets: 1, weight: 2 } })).toEqual({ entries: 3, tickets: 4, weight: 6 });
  });

  it('shows the public view with the quadratic pricing table and no secrets', () => {
    const v = publicView({ config, phase: 'registration', version: 7, counts: { entries: 3, tickets: 5, weight: 5 }, purchased: 0, summary: null }, 1_000);
    expect(v.pricing.map((r) => r.priceUnits)).toEqual([0, 1, 5]);
    expect(v.pricing.map((r) => r.amount)).toEqual([0, 100, 500]);
    expect(v).toMatchObject({ id: 'drp1', phase: 'registration', version: 7, counts: { entries: 3, tickets: 5, purchased: 0 }, serverTime: new Date(1_000).toISOString() });
    expect(JSON.stringify(v)).not.toMatch(/merchantId|trustThreshold|powDifficulty/);
  });

  it('gives an expired slot to the next backup with a fresh window, or leaves it unfilled', () => {
    const slot = { entryId: 'w1', status: 'offered' as const, deadline: 5 };
    expect(promoteAfterExpiry(slot, 'b1', 0, 100, 60_000)).toEqual({ slot: { entryId: 'b1', status: 'offered', deadline: 60_100 }, backupsPromoted: 1, promoted: 'b1' });
    expect(promoteAfterExpiry(slot, null, 2, 100, 60_000)).toEqual({ slot: { ...slot, status: 'unfilled' }, backupsPromoted: 2, promoted: null });
  });
});
