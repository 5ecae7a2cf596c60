/**
 * Recipient: one per (merchant, address), keyed by recipientKey (an HMAC, not the address).
 * Holds whether the address unsubscribed from this merchant and whether an address given
 * anonymously has been confirmed; sends the confirmation email at most once.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import type { Contact, NoticeRecord } from '../../core/notices/kinds.js';
import { composeNotice } from '../../core/notices/compose.js';
import { confirmToken, confirmUrl } from '../../core/notices/links.js';
import { notifierDeps } from './deps.js';
import { sendNotice, triesOf } from './smtp.js';
import { SMTP_RETRY } from './retry.js';
import type { OutboxObject } from './outbox.object.js';

const outboxApi = { name: 'outbox' } as OutboxObject;

export interface RecipientState { unsubscribed: boolean; confirmed: boolean }

export const recipient = restate.object({
  name: 'recipient',
  options: { enableLazyState: true },
  handlers: {
    status: restate.handlers.object.shared(async (ctx: ObjectSharedContext): Promise<RecipientState> => ({
      unsubscribed: (await ctx.get<boolean>('unsub')) ?? false, confirmed: (await ctx.get<boolean>('confirmed')) ?? false,
    })),

    unsubscribe: async (ctx: ObjectContext) => { ctx.set('unsub', true); ctx.set('unsubAt', await ctx.date.now()); },

    /** The link in the confirmation email; confirming also resubscribes (the shopper asked again). */
    confirm: async (ctx: ObjectContext) => { ctx.set('confirmed', true); ctx.clear('unsub'); },

    /** Send the confirmation email once per address (later notices wait for the click). */
    requestConfirm: async (ctx: ObjectContext, input: { merchantId: string; dropId: string; dropName: string; contact: Contact }) => {
      if ((await ctx.get<boolean>('confirmed')) || (await ctx.get<NoticeRecord>('confirmMail'))) return;
      const settings = await ctx.objectClient(outboxApi, input.merchantId).settings();
      if (!settings?.enabled) return;
      const { serverSecret, publicUrl } = notifierDeps();
      const now = await ctx.date.now();
      const link = confirmUrl(publicUrl, confirmToken(serverSecret, input.merchantId, ctx.key, input.contact.email, now));
      const msg = composeNotice(settings, input.contact, { notice: 'confirm_address', merchantId: input.merchantId, dropId: input.dropId, subjectId: 'confirm', dropName: input.dropName, actionUrl: link }, { serverSecret, publicUrl, now });
            try {
        const sent = await ctx.run('smtp confirm', () => sendNotice(input.merchantId, settings, msg), SMTP_RETRY);
        ctx.set('confirmMail', { status: 'sent', attempts: sent.attempts, messageId: sent.messageId, updatedAt: await ctx.date.now() } satisfies NoticeRecord);
      } catch (e) {
        if (!(e instanceof restate.TerminalError)) throw e;
        const attempts = await ctx.run('tries', () => triesOf(input.merchantId, msg.envelope.messageId));
        ctx.set('confirmMail', { status: 'failed', reason: e.message, attempts, updatedAt: await ctx.date.now() } satisfies NoticeRecord);
      }
    },
  },
});

export type RecipientObject = typeof recipient;
