/**
 * How a slot holder is named to the merchant in webhooks. The ledger keys shoppers as
 * `c_<customer id>` (a signed-in customer: the shopper token's `sub`) or `a_<anonymous id>`.
 * A customer id is the merchant's own; an anonymous id is shown only when the drop opted in.
 */
export function slotHolderIds(shopperId: string | undefined, revealAnonymous: boolean): { customerId?: string; anonymousId?: string } {
  if (shopperId?.startsWith('c_')) return { customerId: shopperId.slice(2) };
  if (shopperId?.startsWith('a_') && revealAnonymous) return { anonymousId: shopperId.slice(2) };
  return {};
}
