/**
 * One notice as an email body: HTML (inline styles, a single-column table every mail client
 * renders) and plain text, in the shopper's language, with the merchant's name and colours.
 * Every value that reaches HTML is escaped; every value that reaches the subject is flattened to
 * one line (see headers.ts for the header rules).
 */
import type { AnyNotice, Locale } from './kinds.js';
import { copyFor, footerFor } from './copy.js';
import { oneLine } from './headers.js';

export interface Brand { primaryColor: string; backgroundColor: string; textColor: string }
export const DEFAULT_BRAND: Brand = { primaryColor: '#4f46e5', backgroundColor: '#f6f7fb', textColor: '#1f2937' };

export interface RenderInput {
  notice: AnyNotice;
  locale: Locale;
  timeZone: string;
  merchantName: string;
  dropName: string;
  entryId?: string;
  brand?: Partial<Brand>;
  /** The button: checkout, confirmation or the drop page. */
  actionUrl?: string;
  unsubscribeUrl: string;
  /** The public draw record anyone can check. */
  verifyUrl?: string;
  deadline?: number;
  opensAt?: number;
  credits?: number;
}

export interface RenderedNotice { subject: string; html: string; text: string }

const HEX = /^#[0-9a-fA-F]{6}$/;
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A moment in the shopper's language and time zone, with the zone's name (never ambiguous). */
export function formatMoment(ms: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(ms);
}

function fill(template: string, values: Map<string, string>, wrap: (s: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (values.has(k) ? wrap(values.get(k)!) : m));
}

function brandOf(b: Partial<Brand> | undefined): Brand {
  const pick = (k: keyof Brand) => (b?.[k] && HEX.test(b[k]!) ? b[k]! : DEFAULT_BRAND[k]);
  return { primaryColor: pick('primaryColor'), backgroundColor: pick('backgroundColor'), textColor: pick('textColor') };
}

export function renderNotice(input: RenderInput): RenderedNotice {
  const copy = copyFor(input.locale, input.notice);
  const foot = footerFor(input.locale);
  const values = new Map<string, string>([['merchant', oneLine(input.merchantName)], ['drop', oneLine(input.dropName)], ['entryId', input.entryId ?? '']]);
  if (input.deadline !== undefined) values.set('deadline', formatMoment(input.deadline, input.locale, input.timeZone));
  if (input.opensAt !== undefined) values.set('opensAt', formatMoment(input.opensAt, input.locale, input.timeZone));
  if (input.credits !== undefined) values.set('credits', String(input.credits));
  if (input.verifyUrl) values.set('link', input.verifyUrl);
  const plain = (t: string) => fill(t, values, (s) => s);
  const html = (t: string) => fill(t, values, (s) => `<strong>${esc(s)}</strong>`);
  const showCredits = input.notice === 'lost' && (input.credits ?? 0) > 0;
  const showCheck = (input.notice === 'entered' || input.notice === 'lost') && !!input.verifyUrl;

  const text = [
    plain(copy.heading), '', plain(copy.body),
    ...(showCredits ? ['', plain(foot.credits)] : []),
    ...(copy.cta && input.actionUrl ? ['', `${copy.cta}: ${input.actionUrl}`] : []),
    ...(showCheck ? ['', plain(foot.check)] : []),
    '', '--', plain(foot.why), `${foot.unsubscribe}: ${input.unsubscribeUrl}`, '',
  ].join('\n');

  const b = brandOf(input.brand);
  const p = (inner: string, extra = '') => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;${extra}">${inner}</p>`;
  const button = copy.cta && input.actionUrl
    ? `<p style="margin:24px 0"><a href="${esc(input.actionUrl)}" style="display:inline-block;background:${b.primaryColor};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 24px;border-radius:6px">${esc(copy.cta)}</a></p>` : '';
  const check = showCheck ? p(fill(esc(foot.check), new Map([['link', `<a href="${esc(input.verifyUrl!)}" style="color:${b.primaryColor}">${esc(input.verifyUrl!)}</a>`]]), (s) => s), 'font-size:13px;color:#6b7280') : '';
  const body = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(plain(copy.subject))}</title></head>
<body style="margin:0;padding:0;background:${b.backgroundColor};color:${b.textColor};font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,'Noto Sans JP',sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${b.backgroundColor}"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;width:100%;background:#ffffff;border-radius:10px;border-top:6px solid ${b.primaryColor}">
<tr><td style="padding:28px 32px 8px;font-size:14px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:${b.primaryColor}">${esc(oneLine(input.merchantName))}</td></tr>
<tr><td style="padding:8px 32px 24px">
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;color:${b.textColor}">${html(esc(copy.heading))}</h1>
${p(html(esc(copy.body)))}${showCredits ? p(html(esc(foot.credits))) : ''}${button}${check}
</td></tr></table>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:1.5;color:#6b7280">${esc(plain(foot.why))}<br><a href="${esc(input.unsubscribeUrl)}" style="color:#6b7280">${esc(foot.unsubscribe)}</a></p>
</td></tr></table></body></html>`;
  return { subject: oneLine(plain(copy.subject)), html: body, text };
}
