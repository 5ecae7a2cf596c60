/**
 * Recipient: one per (merchant, address), keyed by recipientKey (an HMAC, not the address).
 * Sends the confirmation email for an address given anonymously, at most once. (Whether an
 * address unsubscribed or confirmed lives in the merchant's outbox, where the fan-out reads it
 * page by page without a call per notice.)
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext } from '@restatedev/restate-sdk';
import type { Contact, NoticeRecord } from '../../core/notices/kinds.js';
import { composeNotice } from '../../core/notices/compose.js';
import { confirmToken, confirmUrl } from '../../core/notices/links.js';
import { notifierDeps } from './deps.js';
import { sendNotice, triesOf } from './smtp.js';
import { SMTP_RETRY } from './retry.js';
import { outbox as outboxApi, type RecipientHandlers, type RecipientState } from './api.js';

export const NO_RECIPIENT_STATE: RecipientState = { unsubscribed: false, confirmed: false };

export const recipient = restate.object({
  name: 'recipient',
  options: { enableLazyState: true },
  handlers: {
    /** Send the confirmation email once per address (later notices wait for the click). */
    requestConfirm: async (ctx: ObjectContext, input: { merchantId: string; dropId: string; dropName: string; contact: Contact }) => {
      if (await ctx.get<NoticeRecord>('confirmMail')) return;
      if ((await ctx.objectClient(outboxApi, input.merchantId).recipient(ctx.key)).confirmed) return;
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
  } satisfies RecipientHandlers,
});
