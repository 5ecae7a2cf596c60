/**
 * Mail headers from merchant- and shopper-supplied values. Nothing supplied ever reaches a header
 * with a line break in it: display names and subjects are flattened to one line, addresses must
 * be plain addresses, and URLs are checked. Together with the mail library's own encoding, a CR/LF
 * in a drop name, merchant name or sender name cannot start a new header.
 */
import { isEmailAddress } from './kinds.js';

/** One line: every control character (CR, LF, TAB, NUL, …, and Unicode line separators) becomes a space. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

export interface NoticeHeaders {
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  messageId: string;
  headers: Map<string, string>;
}

export interface HeaderInput {
  fromName: string; fromAddress: string; to: string; replyTo?: string; subject: string;
  unsubscribeUrl: string; messageId: string;
}

/** Why a URL cannot go into a header, or null. */
function urlProblem(u: string): string | null {
  if (/[\s<>"]/.test(u)) return 'a header URL may not contain spaces, quotes or angle brackets';
  try { return /^https?:$/.test(new URL(u).protocol) ? null : 'use an http(s) URL'; } catch { return 'not a URL'; }
}

/**
 * The headers of one notice, with RFC 2369 `List-Unsubscribe` and RFC 8058 one-click
 * `List-Unsubscribe-Post`. Throws on an address or URL that could break the header block
 * (validated long before; this is the last line).
 */
export function noticeHeaders(input: HeaderInput): NoticeHeaders {
  for (const [k, v] of [['from', input.fromAddress], ['to', input.to], ...(input.replyTo ? [['replyTo', input.replyTo]] : [])] as const) {
    if (!isEmailAddress(v)) throw new Error(`${k} is not a plain email address`);
  }
  const bad = urlProblem(input.unsubscribeUrl);
  if (bad) throw new Error(`unsubscribe URL: ${bad}`);
  if (!/^<[A-Za-z0-9._@-]{1,200}>$/.test(input.messageId)) throw new Error('message id must be <local@domain> of safe characters');
  const headers = new Map([
    ['List-Unsubscribe', `<${input.unsubscribeUrl}>`],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ['Auto-Submitted', 'auto-generated'],
  ]);
  return {
    from: { name: oneLine(input.fromName), address: input.fromAddress }, to: input.to,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}), subject: oneLine(input.subject), messageId: input.messageId, headers,
  };
}
