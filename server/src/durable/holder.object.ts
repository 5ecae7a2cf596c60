/**
 * Holder: one per winner or promoted backup (O(K) objects, never O(N)). It owns the purchase
 * slot's window: issues the single-use token nonce, accepts exactly one confirmation, expires
 * the offer at its deadline and reports back to the Drop, which promotes the next backup.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomUUID } from 'node:crypto';
import { fail, ok } from '../core/errors.js';
import { holderEntryState } from '../core/standing.js';
import { publishEntry, sendWebhook } from './publish.js';
import { drop, holder, type HolderHandlers, type HolderOffer, type HolderRecord, type HolderState } from './api.js';

type Ctx = ObjectContext<HolderState>;

async function save(ctx: Ctx, h: HolderRecord): Promise<void> {
  h.version += 1;
  ctx.set('h', h);
  await publishEntry(ctx, h.dropId, h.version, holderEntryState(h));
}

export const holderObject = restate.object({
  name: 'holder',
  handlers: {
    offer: async (ctx: Ctx, input: HolderOffer) => {
      if (await ctx.get('h')) return; // an entry holds at most one slot, once
      const { entryId } = input;
      const h: HolderRecord = { ...input, status: 'offered', nonce: null, version: 0 };
      ctx.objectSendClient(holder, ctx.key).expire(restate.rpc.sendOpts({ delay: { milliseconds: Math.max(0, input.deadline - (await ctx.date.now())) } }));
      const type = input.promoted ? 'backup.promoted' : 'entry.won';
      sendWebhook(ctx, input.merchantId, type, input.dropId, `${input.dropId}.${type}.${entryId}`, { entryId, slot: input.slot, purchaseDeadline: new Date(input.deadline).toISOString() }, await ctx.date.now());
      await save(ctx, h);
    },

    /** The token nonce for this slot (the same one on every call while the window is open). */
    startPurchase: async (ctx: Ctx) => {
      const h = await ctx.get('h');
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
    confirm: async (ctx: Ctx, input: { nonce: string; orderId?: string }) => {
      const h = await ctx.get('h');
      if (!h || !h.nonce || h.nonce !== input.nonce) return fail('purchase_token_invalid', 'This purchase token does not match the slot. Ask the shopper to start the purchase again.');
      if (h.status === 'purchased') {
        if (input.orderId && input.orderId === h.orderId) return ok({ dropId: h.dropId, entryId: h.entryId, slot: h.slot, orderId: h.orderId, purchasedAt: h.purchasedAt! });
        return fail('already_purchased', 'This slot has already been purchased.');
      }
      const now = await ctx.date.now();
      if (h.status === 'expired' || now >= h.deadline) return fail('purchase_window_expired', 'The purchase window ended before the confirmation arrived; refund the payment.');
      Object.assign(h, { status: 'purchased', purchasedAt: now }, input.orderId ? { orderId: input.orderId } : {});
      ctx.objectSendClient(drop, h.dropId).slotResult({ slot: h.slot, entryId: h.entryId, outcome: 'purchased' });
      sendWebhook(ctx, h.merchantId, 'purchase.completed', h.dropId, `${h.dropId}.purchase.completed.${h.entryId}`, { entryId: h.entryId, slot: h.slot, orderId: h.orderId ?? null }, now);
      await save(ctx, h);
      return ok({ dropId: h.dropId, entryId: h.entryId, slot: h.slot, ...(h.orderId ? { orderId: h.orderId } : {}), purchasedAt: now });
    },

    /** The window's timer: an unbought offer expires and the Drop promotes the next backup. */
    expire: async (ctx: Ctx) => {
      const h = await ctx.get('h');
      if (!h || h.status !== 'offered') return;
      h.status = 'expired';
      ctx.objectSendClient(drop, h.dropId).slotResult({ slot: h.slot, entryId: h.entryId, outcome: 'expired' });
      sendWebhook(ctx, h.merchantId, 'winner.expired', h.dropId, `${h.dropId}.winner.expired.${h.entryId}`, { entryId: h.entryId, slot: h.slot }, await ctx.date.now());
      await save(ctx, h);
    },

    get: restate.handlers.object.shared(async (ctx: ObjectSharedContext<HolderState>) => {
      const h = await ctx.get('h');
      return h ? { ...holderEntryState(h), version: h.version } : null;
    }),
  } satisfies HolderHandlers,
});
