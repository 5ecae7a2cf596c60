import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FairdropError } from './errors.js';
import { priceAmount, pricingTable, ticketPriceUnits, totalPriceUnits } from './pricing.js';

describe('quadratic pricing', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 5],
    [5, 30],
    [10, 285],
  ])('prices %i tickets at %i units', (n, units) => {
    expect(totalPriceUnits(n)).toBe(units);
  });

  it('makes ticket i cost (i-1)^2, the first one free', () => {
    expect([1, 2, 3, 4].map(ticketPriceUnits)).toEqual([0, 1, 4, 9]);
  });

  it('total equals the sum of the ticket prices (closed form = definition)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (n) => {
        let sum = 0;
        for (let i = 1; i <= n; i++) sum += ticketPriceUnits(i);
        expect(totalPriceUnits(n)).toBe(sum);
      }),
    );
  });

  it('each extra ticket costs more than the one before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), (n) => {
        expect(totalPriceUnits(n + 1) - totalPriceUnits(n)).toBeGreaterThan(totalPriceUnits(n) - totalPriceUnits(n - 1));
      }),
    );
  });

  it('builds the public table with amounts in minor units', () => {
    expect(pricingTable(3, 200)).toEqual([
      { tickets: 1, priceUnits: 0, amount: 0 },
      { tickets: 2, priceUnits: 1, amount: 200 },
      { tickets: 3, priceUnits: 5, amount: 1000 },
    ]);
  });

  it('rejects counts that are not integers in range, with validation_failed', () => {
    for (const f of [() => totalPriceUnits(-1), () => totalPriceUnits(1.5), () => pricingTable(0, 1), () => ticketPriceUnits(0)]) {
      expect(f).toThrow(FairdropError);
    }
    expect(() => priceAmount(2 ** 40, 2 ** 20)).toThrow(/largest exact amount/);
  });
});
