/**
 * Holder: one per winner or promoted backup (O(K) objects, never O(N)). It owns the purchase
 * slot's window: issues the single-use token nonce, accepts exactly one confirmation, expires
 * the offer at its deadline and reports back to the Drop, which promotes the next backup.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomUUID } from 'node:crypto';
import { fail, ok, type Outcome } from '../core/errors.js';
import { slotHolderIds } from '../core/shopper-ids.js';
import type { EntryState } from '../bus/bus.js';
import { publishEntry, sendWebhook } from './publish.js';
import type { DropObject } from './drop.object.js';

const dropApi = { name: 'drop' } as DropObject;

export interface HolderState {
  dropId: string; merchantId: string; entryId: string; slot: number; promoted: boolean;
  status: 'offered' | 'purchased' | 'expired'; deadline: number; nonce: string | null;
  version: number; orderId?: string; purchasedAt?: number;
  /** The ledger's shopper id (`c_<customer>` or `a_<anonymous id>`) and whether an anonymous one may be named in webhooks. */
  shopperId?: string; revealAnonymous?: boolean;
}

/** The slot's part of a webhook: entry, slot, and who holds it (as the merchant may see it). */
const holderData = (h: HolderState) => ({ entryId: h.entryId, slot: h.slot, ...slotHolderIds(h.shopperId, !!h.revealAnonymous) });
export interface PurchaseResult { dropId: string; entryId: string; slot: number; orderId?: string; purchasedAt: number }

const entryOf = (h: HolderState): EntryState => {
  const status = h.status === 'offered' ? (h.promoted ? 'promoted' : 'won') : h.status;
  return h.status === 'offered' ? { entryId: h.entryId, status, purchaseDeadline: new Date(h.deadline).toISOString() } : { entryId: h.entryId, status };
};

async function save(ctx: ObjectContext, h: HolderState): Promise<void> {
  h.version += 1;
  ctx.set('h', h);
  await publishEntry(ctx, h.dropId, h.version, entryOf(h));
}

export const holder = restate.object({
  name: 'holder',
  handlers: {
    offer: async (ctx: ObjectContext, input: { dropId: string; merchantId: string; slot: number; deadline: number; promoted: boolean; shopperId?: string | undefined; revealAnonymous?: boolean }) => {
      const prev = await ctx.get<HolderState>('h');
      if (prev) return; // an entry holds at most one slot, once
      const entryId = ctx.key.slice(input.dropId.length + 1);
      const h: HolderState = { ...input, shopperId: input.shopperId ?? undefined, entryId, status: 'offered', nonce: null, version: 0 };
      ctx.objectSendClient(holderApi, ctx.key).expire(restate.rpc.sendOpts({ delay: { milliseconds: Math.max(0, input.deadline - (await ctx.date.now())) } }));
      const type = input.promoted ? 'backup.promoted' : 'entry.won';
      sendWebhook(ctx, input.merchantId, type, input.dropId, `${input.dropId}.${type}.${entryId}`, { ...holderData(h), purchaseDeadline: new Date(input.deadline).toISOString() }, await ctx.date.now());
      await save(ctx, h);
    },

    /** The token nonce for this slot (the same one on every call while the window is open). */
    startPurchase: async (ctx: ObjectContext): Promise<Outcome<{ nonce: string; deadline: number; entryId: string; slot: number }>> => {
      const h = await ctx.get<HolderState>('h');
      if (!h) return fail('not_a_winner', 'This entry holds no purchase slot.');
      if (h.status === 'purchased') return fail('already_purchased', 'You have already bought this item.');
      if (h.status === 'expired' || (await ctx.date.now()) >= h.deadline) return fail('purchase_window_expired', 'The time to buy has run out, and the item passed to the next person on the list.');
      if (!h.nonce) {
        h.nonce = await ctx.run('nonce', () => randomUUID());
        ctx.set('h', h);
      }
      return ok({ nonce: h.nonce, deadline: h.deadline, entryId: h.entryId, slot: h.slot });
    },

    /** Exactly one confirmation succeeds; a repeat with the same orderId returns the same purchase. */
    confirm: async (ctx: ObjectContext, input: { nonce: string; orderId?: string }): Promise<Outcome<PurchaseResult>> => {
      const h = await ctx.get<HolderState>('h');
      if (!h || !h.nonce || h.nonce !== input.nonce) return fail('purchase_token_invalid', 'This purchase token does not match the slot. Ask the shopper to start the purchase again.');
      if (h.status === 'purchased') {
        if (input.orderId && input.orderId === h.orderId) return ok({ dropId: h.dropId, entryId: h.entryId, slot: h.slot, orderId: h.orderId, purchasedAt: h.purchasedAt! });
        return fail('already_purchased', 'This slot has already been purchased.');
      }
      const now = await ctx.date.now();
      if (h.status === 'expired' || now >= h.deadline) return fail('purchase_window_expired', 'The purchase window ended before the confirmation arrived; refund the payment.');
      Object.assign(h, { status: 'purchased', purchasedAt: now }, input.orderId ? { orderId: input.orderId } : {});
      ctx.objectSendClient(dropApi, h.dropId).slotResult({ slot: h.slot, entryId: h.entryId, outcome: 'purchased' });
      sendWebhook(ctx, h.merchantId, 'purchase.completed', h.dropId, `${h.dropId}.purchase.completed.${h.entryId}`, { ...holderData(h), orderId: h.orderId ?? null }, now);
      await save(ctx, h);
      return ok({ dropId: h.dropId, entryId: h.entryId, slot: h.slot, ...(h.orderId ? { orderId: h.orderId } : {}), purchasedAt: now });
    },

    /** The window's timer: an unbought offer expires and the Drop promotes the next backup. */
    expire: async (ctx: ObjectContext) => {
      const h = await ctx.get<HolderState>('h');
      if (!h || h.status !== 'offered') return;
      h.status = 'expired';
      ctx.objectSendClient(dropApi, h.dropId).slotResult({ slot: h.slot, entryId: h.entryId, outcome: 'expired' });
      sendWebhook(ctx, h.merchantId, 'winner.expired', h.dropId, `${h.dropId}.winner.expired.${h.entryId}`, holderData(h), await ctx.date.now());
      await save(ctx, h);
    },

    get: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => {
      const h = await ctx.get<HolderState>('h');
      return h ? { ...entryOf(h), version: h.version } : null;
    }),
  },
});

export type HolderObject = typeof holder;
const holderApi = { name: 'holder' } as HolderObject;
