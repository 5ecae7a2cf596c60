/**
 * One notice as a complete message: words (render.ts), headers (headers.ts) and the links that
 * work without signing in (links.ts). Pure: the clock and the server secret come in as values.
 */
import type { AnyNotice, Contact } from './kinds.js';
import type { StoredEmailSettings } from './settings.js';
import { renderNotice, type RenderedNotice } from './render.js';
import { noticeHeaders, type NoticeHeaders } from './headers.js';
import { recipientKey, unsubscribeToken, unsubscribeUrl, verifyUrl } from './links.js';

export interface NoticeContext {
  notice: AnyNotice;
  merchantId: string;
  dropId: string;
  /** The entry (or watcher) the notice is about: part of the Message-ID, so a resend is recognisable. */
  subjectId: string;
  dropName: string;
  actionUrl?: string;
  deadline?: number;
  opensAt?: number;
  credits?: number;
}

export interface ComposedNotice extends RenderedNotice { envelope: NoticeHeaders }

export function composeNotice(settings: StoredEmailSettings, contact: Contact, n: NoticeContext, env: { serverSecret: string; publicUrl: string; now: number }): ComposedNotice {
  const rkey = recipientKey(env.serverSecret, n.merchantId, contact.email);
  const unsub = unsubscribeUrl(env.publicUrl, unsubscribeToken(env.serverSecret, n.merchantId, rkey, env.now));
  const merchantName = settings.from.name || settings.merchantName;
  const rendered = renderNotice({
    notice: n.notice, locale: contact.locale, timeZone: contact.timeZone, merchantName, dropName: n.dropName, entryId: n.subjectId,
    ...(settings.brand ? { brand: settings.brand } : {}), unsubscribeUrl: unsub, verifyUrl: verifyUrl(env.publicUrl, n.dropId),
    ...(n.actionUrl ? { actionUrl: n.actionUrl } : {}), ...(n.deadline !== undefined ? { deadline: n.deadline } : {}),
    ...(n.opensAt !== undefined ? { opensAt: n.opensAt } : {}), ...(n.credits !== undefined ? { credits: n.credits } : {}),
  });
  const domain = settings.from.address.split('@')[1]!;
  const envelope = noticeHeaders({
    fromName: merchantName, fromAddress: settings.from.address, to: contact.email, ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    subject: rendered.subject, unsubscribeUrl: unsub, messageId: `<${n.dropId}.${n.subjectId}.${n.notice}@${domain}>`.replace(/[^A-Za-z0-9._@<>-]/g, '-'),
  });
  return { ...rendered, envelope };
}
