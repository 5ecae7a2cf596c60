import { describe, expect, it } from 'vitest';
import { slotHolderIds } from './shopper-ids.js';

describe('slot holder ids in webhooks', () => {
  it('names a signed-in customer by the merchant’s id, an anonymous shopper only when the drop opted in', () => {
    expect(slotHolderIds('c_alice', false)).toEqual({ customerId: 'alice' });
    expect(slotHolderIds('a_0123456789abcdef', false)).toEqual({});
    expect(slotHolderIds('a_0123456789abcdef', true)).toEqual({ anonymousId: '0123456789abcdef' });
    expect(slotHolderIds(undefined, true)).toEqual({});
  });
});
