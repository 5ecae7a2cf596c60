/**
 * The shopper's contact for notices, at the edge: a signed-in shopper's address is the shopper
 * token's `email` claim (with `locale` and `zoneinfo` claims when present), vouched for by the
 * merchant; an anonymous shopper may give one, which is confirmed by a link before anything else
 * is sent. An address that is not an address is refused with `email_invalid`.
 */
import type { Context } from 'hono';
import { FairdropError } from '../core/errors.js';
import { isEmailAddress, pickLocale, pickTimeZone, type Contact } from '../core/notices/kinds.js';
import type { MerchantRecord } from '../durable/api.js';

type Prefs = { email?: string | undefined; locale?: string | undefined; timeZone?: string | undefined };

/** Claims of a shopper token that was verified already (auth.ts). */
function claims(token: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const invalid = (where: string) => new FairdropError('email_invalid', `The ${where} is not an email address. Send a single plain address such as ana@example.com, or leave it out.`, { errors: [{ path: where, message: 'not an email address' }] });

/** The contact for a shopper (`c_…` or `a_…`), or undefined when there is none. */
export function contactFor(c: Context, shopper: string, prefs: Prefs | undefined): Contact | undefined {
  const token = c.req.header('fairdrop-shopper') ?? c.req.query('shopper');
  const cl = shopper.startsWith('c_') && token ? claims(token) : {};
  if (cl.email !== undefined) {
    if (!isEmailAddress(cl.email)) throw invalid('email claim');
    const locale = typeof cl.locale === 'string' ? cl.locale : prefs?.locale;
    const tz = typeof cl.zoneinfo === 'string' ? cl.zoneinfo : prefs?.timeZone;
    return { email: cl.email, locale: pickLocale(locale), timeZone: pickTimeZone(tz), vouched: true, customerId: shopper.slice(2) };
  }
  if (prefs?.email === undefined) return undefined;
  if (!isEmailAddress(prefs.email)) throw invalid('notify.email');
  return { email: prefs.email, locale: pickLocale(prefs.locale), timeZone: pickTimeZone(prefs.timeZone), vouched: false };
}

/** Whether any of the merchant's endpoints takes `entry.created` (so registration announces it). */
export const wantsEntryCreated = (m: MerchantRecord) => m.webhooks.some((w) => !w.events.length || w.events.includes('entry.created'));
