import { describe, it, expect } from 'vitest';
import { creditsEarned, entryState, holderEntryState, standingFromRecord } from './standing.js';

const draw = { winners: new Set(['w']), backupIndex: new Map([['b0', 0], ['b1', 1], ['b2', 2]]), backupsPromoted: 1 };

describe('where an entry stands', () => {
  it('reads winners, promoted backups, waiting backups and losers from the record alone', () => {
    expect(standingFromRecord('w', draw, 'purchase')).toEqual({ status: 'won', holder: true });
    expect(standingFromRecord('b0', draw, 'purchase')).toEqual({ status: 'promoted', holder: true });
    expect(standingFromRecord('b2', draw, 'purchase')).toEqual({ status: 'backup', backupPosition: 2, holder: false });
    expect(standingFromRecord('b2', draw, 'completed')).toEqual({ status: 'lost', holder: false });
    expect(standingFromRecord('x', draw, 'purchase')).toEqual({ status: 'lost', holder: false });
  });

  it('is registered before the draw, the record after it, and the holder state for a slot holder', () => {
    expect(entryState('x', null, 'registration', null)).toEqual({ entryId: 'x', status: 'registered', version: 0 });
    expect(entryState('b1', draw, 'purchase', null)).toEqual({ entryId: 'b1', status: 'backup', backupPosition: 1 });
    expect(entryState('x', draw, 'purchase', null)).toEqual({ entryId: 'x', status: 'lost' });
    const held = { entryId: 'w', status: 'purchased' as const, version: 3 };
    expect(entryState('w', draw, 'purchase', held)).toBe(held);
    expect(entryState('x', draw, 'purchase', held)).toEqual({ entryId: 'x', status: 'lost' });
  });

  it('shows a holder as won or promoted with a deadline while the offer stands', () => {
    expect(holderEntryState({ entryId: 'w', promoted: false, status: 'offered', deadline: 0 })).toEqual({ entryId: 'w', status: 'won', purchaseDeadline: '1970-01-01T00:00:00.000Z' });
    expect(holderEntryState({ entryId: 'b', promoted: true, status: 'offered', deadline: 0 }).status).toBe('promoted');
    expect(holderEntryState({ entryId: 'w', promoted: false, status: 'expired', deadline: 0 })).toEqual({ entryId: 'w', status: 'expired' });
  });

  it('earns capped rollover credits only for a lost entry of a drop that honours them', () => {
    expect(creditsEarned('lost', 4, { enabled: true, cap: 3 })).toBe(3);
    expect(creditsEarned('lost', 4, { enabled: false, cap: 3 })).toBeUndefined();
    expect(creditsEarned('won', 4, { enabled: true, cap: 3 })).toBeUndefined();
  });
});
