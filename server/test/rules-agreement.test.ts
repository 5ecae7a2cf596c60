// Issue 8.2: the widget's preview and the server's receipt come from one rules module, and agree
// for every tickets × credits × price combination (the rule: credits never make new tickets dearer).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryBreakdown as rulesBreakdown } from '@fairdrop/sdk/rules';
import { registerBatch, type BatchInput } from '../src/core/ledger.js';
import { publicView } from '../src/core/drop.js';
import { quote } from '../../widget/src/view/pricing.js';
import type { DropConfig } from '../src/core/model.js';

/** The server's receipt breakdown: a real registerBatch over a wallet holding `credits`. */
function serverBreakdown(tickets: number, credits: number, unitAmount: number) {
  const item = {
    dropId: 'drp_1', shopperId: 'cus_1', entryId: '00abc', tickets, unitAmount, opensAt: 0, closesAt: 10, geoMultiplier: 1,
    trustScore: 90, loyaltyMultipliers: {}, rollover: { enabled: true, cap: 100 },
  };
  const input = {
    now: 5, items: [item], metas: new Map([['drp_1', { sealed: false, pages: 0, tail: [], count: 0, tickets: 0, weight: 0 }]]),
    existing: new Map(), wallets: new Map([['cus_1', { credits, tier: null, pending: [] }]]), outcomes: new Map(), pages: new Map([['drp_1', []]]),
  } as unknown as BatchInput;
  const r = registerBatch(input).results[0]!;
  if (!r.ok) throw new Error(r.detail);
  return r.value.entry.breakdown;
}

function widgetPreview(tickets: number, credits: number, unitAmount: number, maxTickets: number) {
  const config = {
    id: 'drp_1', name: 'x', inventory: 10, opensAt: 0, closesAt: 10, purchaseWindowSeconds: 60, maxTickets,
    ticketPrice: { amount: unitAmount, currency: 'EUR' }, backupCount: 0, loyaltyMultipliers: {}, rollover: { enabled: true, cap: 100 },
    allowAnonymous: true, commitment: 'c', beaconSource: '',
  } as unknown as DropConfig;
  const drop = publicView({ config, phase: 'registration', version: 1, counts: { entries: 3, tickets: 7, weight: 7 }, purchased: 0, summary: null }, 0);
  return quote(drop, tickets, credits);
}

describe('preview and receipt agree (one rules module)', () => {
  it('for every tickets × credits × price, the widget shows what the server charges', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(120), fc.nat(100_000), (tickets, credits, unit) => {
      const server = serverBreakdown(tickets, credits, unit);
      const { odds: _odds, ...preview } = widgetPreview(tickets, credits, unit, 100);
      expect(preview).toEqual(server);
    }), { numRuns: 300 });
  });

  it('credits never make new tickets dearer, and each credit adds a ticket on top of the free one', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(120), fc.nat(10_000), (tickets, credits, unit) => {
      const withCredits = rulesBreakdown({ tickets, rolloverCredits: credits, unitAmount: unit });
      const without = rulesBreakdown({ tickets, rolloverCredits: 0, unitAmount: unit });
      expect(withCredits.amount).toBeLessThanOrEqual(without.amount);
      expect(withCredits.free).toBe(1);
      expect(withCredits.rollover).toBe(Math.min(credits, tickets - 1));
      // Paid tickets cost what the same number of paid tickets costs without credits.
      expect(withCredits.amount).toBe(rulesBreakdown({ tickets: tickets - withCredits.rollover, rolloverCredits: 0, unitAmount: unit }).amount);
    }), { numRuns: 300 });
  });

  it('one credit and the default single ticket would buy nothing, so the default is 1 + credits', () => {
    expect(serverBreakdown(2, 1, 200)).toEqual({ rollover: 1, free: 1, paid: 0, priceUnits: 0, amount: 0 });
    expect(serverBreakdown(1, 1, 200)).toEqual({ rollover: 0, free: 1, paid: 0, priceUnits: 0, amount: 0 });
  });
});
