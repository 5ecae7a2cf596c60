import { describe, it, expect } from 'vitest';
import { settleWallet, registerBatch, emptyMeta, type Wallet } from './ledger.js';
import type { RegisterItem } from './model.js';

const wallet = (pending: Wallet['pending'], credits = 0): Wallet => ({ credits, tier: null, pending });

describe('settleWallet', () => {
  it('turns the paid tickets of a lost entry into capped credits', () => {
    const w = wallet([{ dropId: 'd1', entryId: 'e1', paid: 4, cap: 3, used: 0 }]);
    expect(settleWallet(w, new Map([['d1', ['other']]]), null)).toEqual(wallet([], 3));
  });

  it('keeps credits spent on an entry that held a slot spent', () => {
    const w = wallet([{ dropId: 'd1', entryId: 'e1', paid: 0, cap: 10, used: 2 }]);
    expect(settleWallet(w, new Map([['d1', ['e1']]]), null)).toEqual(wallet([], 0));
  });

  it('gives back the credits a cancelled drop used, and no credits for its paid tickets', () => {
    const w = wallet([{ dropId: 'd1', entryId: 'e1', paid: 1, cap: 10, used: 2 }], 1);
    expect(settleWallet(w, new Map([['d1', 'cancelled']]), null)).toEqual(wallet([], 3));
  });

  it('leaves drops without an outcome, and the skipped drop, pending', () => {
    const p = [{ dropId: 'd1', entryId: 'e1', paid: 1, cap: 10 }, { dropId: 'd2', entryId: 'e2', paid: 1, cap: 10 }];
    expect(settleWallet(wallet(p), new Map([['d1', null], ['d2', ['x']]]), 'd2')).toEqual(wallet(p));
  });
});

describe('registerBatch with client-chosen names', () => {
  const item = (over: Partial<RegisterItem> = {}): RegisterItem => ({
    dropId: 'd1', shopperId: 'c_alice', entryId: '00entry', tickets: 1, geoMultiplier: 1, trustScore: 80, opensAt: 0, closesAt: 10_000,
    loyaltyMultipliers: {}, rollover: { enabled: false, cap: 0 }, unitAmount: 0, ...over,
  });
  const run = (tier: string | null, it: RegisterItem) => registerBatch({
    items: [it], now: 1000, metas: new Map([['d1', emptyMeta()]]), pages: new Map([['d1', []]]), existing: new Map(),
    wallets: new Map([['c_alice', { credits: 0, tier, pending: [] }]]), outcomes: new Map(),
  }).results[0]!;

  // Issue 9, item 4: a tier named like an Object.prototype member used to hit the prototype.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('registers a shopper whose tier is "%s" (an own-property lookup)', (tier) => {
    expect(run(tier, item())).toMatchObject({ ok: true, value: { entry: { weight: 1, multipliers: { loyalty: 1, tier } } } });
    expect(run(tier, item({ loyaltyMultipliers: Object.fromEntries([[tier, 3]]) }))).toMatchObject({ ok: true, value: { entry: { weight: 3 } } });
  });

  // Issue 9, item 13: the detail of a refused item does not repeat the code.
  it('refuses an impossible weight with a detail that does not repeat the code', () => {
    const r = run(null, item({ tickets: 100, geoMultiplier: 100_000_000 }));
    expect(r).toMatchObject({ ok: false, code: 'validation_failed' });
    expect((r as { detail: string }).detail).not.toMatch(/validation_failed/);
  });
});
