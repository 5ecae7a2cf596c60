/** Request validation for shopper email (zod), mirroring openapi.yaml's EmailSettingsInput, NotifyPreferences and WatchRequest. */
import { z } from 'zod';
import { isEmailAddress, NOTICE_KINDS } from '../core/notices/kinds.js';

const noLineBreaks = (s: string) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(s);
const email = z.string().max(254).refine(isEmailAddress, 'use a plain email address, e.g. shop@example.com');
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1a2b3c');

export const emailSettingsInput = z.object({
  enabled: z.boolean().default(true),
  from: z.object({ address: email, name: z.string().max(100).refine(noLineBreaks, 'a sender name is one line of text').optional() }).strict(),
  replyTo: email.optional(),
  smtp: z.object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    security: z.enum(['tls', 'starttls', 'none']),
    username: z.string().max(256).refine(noLineBreaks, 'one line').optional(),
    password: z.string().max(512).optional(),
  }).strict(),
  notices: z.array(z.enum(NOTICE_KINDS as [string, ...string[]])).max(7).optional(),
  brand: z.object({ primaryColor: hex.optional(), backgroundColor: hex.optional(), textColor: hex.optional() }).strict().optional(),
  siteUrl: z.string().url().max(500).refine((u) => /^https?:\/\/[^\s<>"]+$/i.test(u), 'use an http(s) URL').optional(),
  reminderMinutesBefore: z.number().int().min(1).max(1440).default(10),
  ratePerSecond: z.number().int().min(1).max(1000).optional(),
}).strict();

const prefs = {
  email: z.string().max(254).optional(),
  locale: z.string().max(35).regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, 'use a BCP 47 tag, e.g. de-DE').optional(),
  timeZone: z.string().max(64).optional(),
};
export const notifyPreferences = z.object(prefs).strict();
export const watchRequest = z.object(prefs).strict();
