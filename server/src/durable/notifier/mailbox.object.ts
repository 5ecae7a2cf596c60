/**
 * Mailbox: one per (drop, entry) — or (drop, watcher) — with one record per notice, so each
 * notice is a single durable step keyed by (drop, entry, notice): sent once, retried with backoff
 * on SMTP failures, and recorded as sent, failed or suppressed. Winners' reminders are durable
 * timers here, cancelled when they buy.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext, InvocationId } from '@restatedev/restate-sdk';
import type { Contact, NoticeKind, NoticeRecord } from '../../core/notices/kinds.js';
import { NOTICE_KINDS } from '../../core/notices/kinds.js';
import { composeNotice } from '../../core/notices/compose.js';
import { recipientKey } from '../../core/notices/links.js';
import { sends } from '../../core/notices/settings.js';
import { ledgerKey, shardOfEntryId, entryKey as holderKey } from '../../core/ids.js';
import { signToken, type PurchasePayload } from '../../core/tokens.js';
import { all } from '../state.js';
import { notifierDeps } from './deps.js';
import { sendNotice, triesOf } from './smtp.js';
import { SMTP_RETRY } from './retry.js';
import { drop as dropApi, holder as holderApi, ledger as ledgerApi } from '../api.js';
import { mailbox as mailboxApi, outbox as outboxApi, recipient as recipientApi, type DropBrief, type MailboxHandlers, type NotifyInput } from './api.js';

const subjectOf = (ctx: ObjectContext) => ctx.key.slice(ctx.key.indexOf(':') + 1);

async function brief(ctx: ObjectContext, input: NotifyInput): Promise<DropBrief | null> {
  if (input.drop) return input.drop;
  const d = await ctx.objectClient(dropApi, input.dropId).get();
  return d ? { name: d.config.name, opensAt: d.config.opensAt, ...(d.config.checkoutUrl ? { checkoutUrl: d.config.checkoutUrl } : {}), rollover: d.config.rollover } : null;
}

/** The winner's checkout link: the drop's checkout URL with a fresh single-use purchase token. */
async function checkoutLink(ctx: ObjectContext, input: NotifyInput, drop: DropBrief, siteUrl: string | undefined, contact: Contact): Promise<string | undefined> {
  if (!drop.checkoutUrl) return siteUrl;
  const entryId = subjectOf(ctx);
  const slot = await ctx.objectClient(holderApi, holderKey(input.dropId, entryId)).startPurchase();
  if (!slot.ok) return siteUrl;
  const token = signToken<PurchasePayload>('pt', { d: input.dropId, e: entryId, n: slot.value.nonce, x: slot.value.deadline, ...(contact.customerId ? { c: contact.customerId } : {}) }, notifierDeps().serverSecret);
  return `${drop.checkoutUrl}${drop.checkoutUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** The one step of a notice. Returns the final record (also when it was final already). */
async function deliver(ctx: ObjectContext, input: NotifyInput): Promise<NoticeRecord> {
  const key = `n:${input.kind}`;
  const prev = await ctx.get<NoticeRecord>(key);
  if (prev && prev.status !== 'scheduled') return prev;
  const now = input.at ?? await ctx.date.now();
  const done = (r: Omit<NoticeRecord, 'updatedAt'>, at = now) => {
    const rec = { ...r, updatedAt: at } as NoticeRecord;
    ctx.set(key, rec);
    if (input.reportWinner) ctx.objectSendClient(outboxApi, input.merchantId).winnerDone(input.dropId);
    return rec;
  };
  const settings = input.settings !== undefined ? input.settings : await ctx.objectClient(outboxApi, input.merchantId).settings();
  if (!settings?.enabled) return done({ status: 'suppressed', reason: 'disabled', attempts: 0 });
  if (!sends(settings, input.kind)) return done({ status: 'suppressed', reason: 'not_selected', attempts: 0 });
  const entryId = subjectOf(ctx);
  const contact = input.contact ?? (entryId.startsWith('w_') ? null
    : await ctx.objectClient(ledgerApi, ledgerKey(input.merchantId, shardOfEntryId(entryId))).contact({ dropId: input.dropId, entryId }));
  if (!contact) return done({ status: 'suppressed', reason: 'no_address', attempts: 0 });
  const { serverSecret, publicUrl } = notifierDeps();
  const rkey = recipientKey(serverSecret, input.merchantId, contact.email);
  const drop = await brief(ctx, input);
  if (!drop) return done({ status: 'suppressed', reason: 'drop_not_found', attempts: 0 });
  const r = input.recipient ?? await ctx.objectClient(outboxApi, input.merchantId).recipient(rkey);
  if (r.unsubscribed) return done({ status: 'suppressed', reason: 'unsubscribed', attempts: 0, locale: contact.locale });
  if (!contact.vouched && !r.confirmed) {
    ctx.objectSendClient(recipientApi, rkey).requestConfirm({ merchantId: input.merchantId, dropId: input.dropId, dropName: drop.name, contact });
    return done({ status: 'suppressed', reason: 'unconfirmed', attempts: 0, locale: contact.locale });
  }
  const buying = input.kind === 'won' || input.kind === 'promoted' || input.kind === 'reminder';
  const actionUrl = buying ? await checkoutLink(ctx, input, drop, settings.siteUrl, contact) : input.kind === 'lost' ? undefined : settings.siteUrl;
  const msg = composeNotice(settings, contact, {
    notice: input.kind, merchantId: input.merchantId, dropId: input.dropId, subjectId: entryId, dropName: drop.name,
    ...(actionUrl ? { actionUrl } : {}), ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    opensAt: drop.opensAt, ...(input.credits !== undefined ? { credits: input.credits } : {}),
  }, { serverSecret, publicUrl, now });
    try {
    const sent = await ctx.run(`smtp ${input.kind}`, () => sendNotice(input.merchantId, settings, msg), SMTP_RETRY);
    const rec = done({ status: 'sent', attempts: sent.attempts, messageId: sent.messageId, locale: contact.locale }, sent.at);
    if ((input.kind === 'won' || input.kind === 'promoted') && input.deadline !== undefined && sends(settings, 'reminder')) {
      const at = input.deadline - settings.reminderMinutesBefore * 60_000;
      if (at > now) {
        const h = ctx.objectSendClient(mailboxApi, ctx.key).remind({ kind: 'reminder', merchantId: input.merchantId, dropId: input.dropId, deadline: input.deadline, contact, drop }, restate.rpc.sendOpts({ delay: { milliseconds: at - now } }));
        ctx.set('reminder', await h.invocationId);
        ctx.set('n:reminder', { status: 'scheduled', attempts: 0, updatedAt: now } satisfies NoticeRecord);
      }
    }
    return rec;
  } catch (e) {
    if (!(e instanceof restate.TerminalError)) throw e;
    const attempts = await ctx.run('tries', () => triesOf(input.merchantId, msg.envelope.messageId));
    return done({ status: 'failed', reason: e.message, attempts, locale: contact.locale });
  }
}

export const mailbox = restate.object({
  name: 'mailbox',
  // Eager state: a mailbox holds a handful of small records, and loading them with the call saves a round trip per notice.
  handlers: {
    notify: async (ctx: ObjectContext, input: NotifyInput) => deliver(ctx, input),

    /** The reminder timer: goes out only while the slot is still on offer. */
    remind: async (ctx: ObjectContext, input: NotifyInput) => {
      ctx.clear('reminder');
      const h = await ctx.objectClient(holderApi, holderKey(input.dropId, subjectOf(ctx))).get();
      if (!h || (h.status !== 'won' && h.status !== 'promoted')) {
        ctx.set('n:reminder', { status: 'suppressed', reason: 'purchased', attempts: 0, updatedAt: await ctx.date.now() } satisfies NoticeRecord);
        return;
      }
      await deliver(ctx, input);
    },

    /** They bought: cancel the reminder timer. */
    cancelReminder: async (ctx: ObjectContext) => {
      const id = await ctx.get<InvocationId>('reminder');
      if (!id) return;
      ctx.cancel(id);
      ctx.clear('reminder');
      ctx.set('n:reminder', { status: 'suppressed', reason: 'purchased', attempts: 0, updatedAt: await ctx.date.now() } satisfies NoticeRecord);
    },

    list: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => {
      const kinds = [...NOTICE_KINDS];
      const recs = await all(kinds.map((k) => ctx.get<NoticeRecord>(`n:${k}`)));
      return kinds.flatMap((k, i) => (recs[i] ? [{ notice: k, ...recs[i]! }] : []));
    }),
  } satisfies MailboxHandlers,
});
