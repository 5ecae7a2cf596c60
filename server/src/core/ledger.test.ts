import { describe, it, expect } from 'vitest';
import { settleWallet, type Wallet } from './ledger.js';

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
