/** A merchant's shopper-email settings as stored (password sealed) and as the API shows them (no password). */
import type { components } from '@fairdrop/sdk/schema';
import type { NoticeKind } from './kinds.js';
import type { Brand } from './render.js';
import type { SmtpSecurity } from './smtp-host.js';

export type EmailSettingsView = components['schemas']['EmailSettings'];

export interface StoredEmailSettings {
  enabled: boolean;
  from: { address: string; name?: string };
  replyTo?: string;
  smtp: { host: string; port: number; security: SmtpSecurity; username?: string; passwordSealed?: string };
  notices: NoticeKind[];
  brand?: Partial<Brand>;
  siteUrl?: string;
  reminderMinutesBefore: number;
  ratePerSecond?: number;
  /** The merchant's name when the settings were saved (the sender name falls back to it). */
  merchantName: string;
  updatedAt: number;
}

export function settingsView(s: StoredEmailSettings, defaultRate: number): EmailSettingsView {
  const { passwordSealed, ...smtp } = s.smtp;
  return {
    enabled: s.enabled, from: s.from, ...(s.replyTo ? { replyTo: s.replyTo } : {}),
    smtp: { ...smtp, hasPassword: !!passwordSealed }, notices: s.notices,
    ...(s.brand ? { brand: s.brand } : {}), ...(s.siteUrl ? { siteUrl: s.siteUrl } : {}),
    reminderMinutesBefore: s.reminderMinutesBefore, ratePerSecond: s.ratePerSecond ?? defaultRate,
    updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

export const sends = (s: StoredEmailSettings | null | undefined, kind: NoticeKind): s is StoredEmailSettings => !!s && s.enabled && s.notices.includes(kind);
