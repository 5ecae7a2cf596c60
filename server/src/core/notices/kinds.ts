/**
 * Shopper notices: what they are, who gets them, and the small value types every notice module
 * shares. Pure: no clock, no randomness, no I/O.
 */
import type { components } from '@fairdrop/sdk/schema';

export type NoticeKind = components['schemas']['NoticeKind'];
/** Every notice, plus the address confirmation that anonymous addresses get first. */
export type AnyNotice = NoticeKind | 'confirm_address';
export type Locale = components['schemas']['NoticeLocale'];
export type NoticeStatusView = components['schemas']['NoticeStatus'];

export const NOTICE_KINDS: readonly NoticeKind[] = ['entered', 'won', 'reminder', 'promoted', 'lost', 'cancelled', 'opening_soon'];
export const LOCALES: readonly Locale[] = ['en', 'de', 'es', 'fr', 'ja'];

/** Where and how to reach a shopper, as the ledger keeps it beside the entry. */
export interface Contact {
  email: string;
  locale: Locale;
  timeZone: string;
  /** Merchant-vouched (token claim) or confirmed by link; anonymous addresses start unconfirmed. */
  vouched: boolean;
  /** The merchant's customer id (signed-in shoppers only). */
  customerId?: string;
}

/** What the durable shell records for each (drop, entry, notice). */
export interface NoticeRecord {
  status: 'scheduled' | 'sent' | 'failed' | 'suppressed';
  reason?: string;
  attempts: number;
  messageId?: string;
  locale?: Locale;
  updatedAt: number;
}

/** The best of the five languages for a BCP 47 tag (its primary subtag), English otherwise. */
export function pickLocale(tag: string | undefined | null): Locale {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
}

/** An IANA time zone this runtime knows, or UTC. */
export function pickTimeZone(tz: string | undefined | null): string {
  if (!tz || tz.length > 64) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * A single mailbox address: one @, no spaces, controls, quotes, angle brackets or commas (so it can
 * never smuggle a second recipient or a header), a dotted domain. Deliberately stricter than RFC 5322.
 */
export function isEmailAddress(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 254) return false;
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(v);
}

/** Rollover credits a losing entry earns (the rule the shopper's entry view uses). */
export const creditsEarned = (paid: number, rollover: { enabled: boolean; cap: number }) => (rollover.enabled ? Math.min(paid, rollover.cap) : 0);
