import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditsAfterLoss, entryBreakdown, entryWeight, MAX_ENTRY_WEIGHT } from './entries.js';
import { FairdropError } from './errors.js';
import { totalPriceUnits } from './pricing.js';

describe('entry breakdown', () => {
  it('gives a first-time shopper one free entry, then paid ones', () => {
    expect(entryBreakdown({ tickets: 1, rolloverCredits: 0, unitAmount: 100 })).toEqual({ rollover: 0, free: 1, paid: 0, priceUnits: 0, amount: 0 });
    expect(entryBreakdown({ tickets: 5, rolloverCredits: 0, unitAmount: 100 })).toEqual({ rollover: 0, free: 1, paid: 4, priceUnits: 30, amount: 3000 });
  });

  it('keeps the free entry, adds rollover credits on top, then prices paid tickets from ticket 2', () => {
    expect(entryBreakdown({ tickets: 5, rolloverCredits: 2, unitAmount: 100 })).toEqual({ rollover: 2, free: 1, paid: 2, priceUnits: 5, amount: 500 });
    expect(entryBreakdown({ tickets: 3, rolloverCredits: 7, unitAmount: 100 })).toEqual({ rollover: 2, free: 1, paid: 0, priceUnits: 0, amount: 0 });
    expect(entryBreakdown({ tickets: 1, rolloverCredits: 1, unitAmount: 100 })).toEqual({ rollover: 0, free: 1, paid: 0, priceUnits: 0, amount: 0 });
  });

  it('always accounts for every ticket, with exactly one free one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(1000), fc.nat(10_000), (tickets, credits, unit) => {
        const b = entryBreakdown({ tickets, rolloverCredits: credits, unitAmount: unit });
        expect(b.rollover + b.free + b.paid).toBe(tickets);
        expect(b.rollover).toBe(Math.min(credits, tickets - 1));
        expect(b.free).toBe(1);
        expect(b.priceUnits).toBe(totalPriceUnits(b.free + b.paid));
        expect(b.amount).toBe(b.priceUnits * unit);
      }),
    );
  });

  it('never charges more because the shopper holds credits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(500), (tickets, credits) => {
        const without = entryBreakdown({ tickets, rolloverCredits: 0, unitAmount: 1 });
        expect(entryBreakdown({ tickets, rolloverCredits: credits, unitAmount: 1 }).priceUnits).toBeLessThanOrEqual(without.priceUnits);
      }),
    );
  });

  it('rejects zero or fractional tickets', () => {
    expect(() => entryBreakdown({ tickets: 0, rolloverCredits: 0, unitAmount: 1 })).toThrow(FairdropError);
    expect(() => entryBreakdown({ tickets: 1.5, rolloverCredits: 0, unitAmount: 1 })).toThrow(/tickets must be an integer/);
  });
});

describe('entry weight', () => {
  it('multiplies tickets by the loyalty and geo multipliers', () => {
    expect(entryWeight({ tickets: 3, loyaltyMultiplier: 2, geoMultiplier: 5 })).toBe(30);
  });

  it('is an integer in 1..2^32-1 or a validation error, never a rounded value', () => {
    const factor = fc.integer({ min: 1, max: 2 ** 20 });
    fc.assert(
      fc.property(factor, factor, factor, (tickets, loyalty, geo) => {
        const exact = BigInt(tickets) * BigInt(loyalty) * BigInt(geo);
        const call = () => entryWeight({ tickets, loyaltyMultiplier: loyalty, geoMultiplier: geo });
        if (exact > BigInt(MAX_ENTRY_WEIGHT)) expect(call).toThrow(/exceeds 4294967295/);
        else expect(BigInt(call())).toBe(exact);
      }),
    );
  });

  it('rejects a zero or fractional multiplier', () => {
    expect(() => entryWeight({ tickets: 1, loyaltyMultiplier: 0, geoMultiplier: 1 })).toThrow(FairdropError);
    expect(() => entryWeight({ tickets: 1, loyaltyMultiplier: 1, geoMultiplier: 1.5 })).toThrow(FairdropError);
  });
});

describe('rollover credits after a loss', () => {
  it('turns losing paid tickets into credits up to the cap', () => {
    expect(creditsAfterLoss(4, 3, 5)).toBe(5);
    expect(creditsAfterLoss(2, 0, 5)).toBe(2);
    expect(creditsAfterLoss(0, 1, 5)).toBe(1);
  });

  it('never exceeds the cap and never takes credits away', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(100), (paid, existing, cap) => {
        const after = creditsAfterLoss(paid, existing, cap);
        expect(after).toBeGreaterThanOrEqual(existing);
        expect(after).toBeLessThanOrEqual(Math.max(existing, cap));
        expect(after).toBeLessThanOrEqual(existing + paid);
      }),
    );
  });
});
