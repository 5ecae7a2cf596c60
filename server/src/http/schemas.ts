/** Request validation at the edge (zod), mirroring openapi.yaml's request schemas. */
import { z } from 'zod';
import { notifyPreferences } from './email-schemas.js';
import { FairdropError } from '../core/errors.js';

import { ID_PATTERN } from '@fairdrop/sdk/rules';

export const id = z.string().regex(ID_PATTERN, 'use 1–64 of A–Z a–z 0–9 _ -');

/** A path parameter that must be an id; a bad one is reported at its name, in the path (not at the body). */
export function pathId(name: string, raw: string | undefined): string {
  const r = id.safeParse(raw ?? '');
  if (r.success) return r.data;
  throw new FairdropError('validation_failed', `The ${name} in the path is not valid: use 1–64 of A–Z a–z 0–9 _ -.`, { errors: [{ path: name, in: 'path', message: 'use 1–64 of A–Z a–z 0–9 _ -' }] });
}

/** The Idempotency-Key header: absent, or 1–128 visible ASCII characters (as openapi.yaml says). */
export function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (/^[\x21-\x7e]{1,128}$/.test(raw)) return raw;
  throw new FairdropError('validation_failed', 'Idempotency-Key must be 1–128 visible ASCII characters.', { errors: [{ path: 'Idempotency-Key', in: 'header', message: 'use 1–128 visible ASCII characters' }] });
}
const isoDate = z.string().datetime({ offset: true, message: 'use an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z' });
/**
 * A record keyed by client-chosen names. `__proto__` cannot be an own key of a plain object once
 * copied (zod would drop it silently), so it is refused; every lookup by such a key is an own-property check.
 */
const keyed = <V extends z.ZodType>(key: z.ZodString, value: V) => z.custom<unknown>().superRefine((v, ctx) => {
  if (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__')) ctx.addIssue({ code: 'custom', path: ['__proto__'], message: '"__proto__" is a reserved name' });
}).pipe(z.record(key, value));
/** An http(s) URL with a host name or IPv4 address (the contract's HttpUrl, to the character). */
const httpUrl = z.string().max(500).regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+(:[0-9]{1,5})?([/?#][^\s]*)?$/, 'use an http(s) URL such as https://shop.example/hooks');
/** An allow-list entry: an http(s) URL, matched by its origin (never `null`, data: or file:). */
const origin = z.string().max(200).regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^/?#\s]+([/?#]\S*)?$/, 'use an http(s) origin such as https://shop.example');

export const merchantCreate = z.object({ name: z.string().min(1).max(100), allowedOrigins: z.array(origin).max(50).default([]) }).strict();
export const merchantUpdate = z.object({ name: z.string().min(1).max(100).optional(), allowedOrigins: z.array(origin).max(50).optional() }).strict();

const eventType = z.enum(['drop.opened', 'drop.closed', 'entry.created', 'draw.completed', 'entry.won', 'entry.lost', 'purchase.completed', 'winner.expired', 'backup.promoted', 'drop.completed', 'drop.cancelled']);
export const webhookCreate = z.object({ url: httpUrl, events: z.array(eventType).default([]) }).strict();
export const loyaltyUpdate = z.object({ tier: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'use 1–32 of a–z 0–9 _ -').refine((t) => t !== '__proto__', '"__proto__" is a reserved name') }).strict();

const point = { lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) };
export const geoFence = z.object({
  mode: z.enum(['exclusive', 'bonus']),
  center: z.object(point).strict(),
  radiusKm: z.number().positive().max(20040),
  bonusMultiplier: z.number().int().min(1).max(100).default(2),
}).strict();

export const dropCreate = z.object({
  name: z.string().min(1).max(120),
  inventory: z.number().int().min(1).max(100_000),
  opensAt: isoDate,
  closesAt: isoDate,
  purchaseWindowSeconds: z.number().int().min(5).max(604_800).default(600),
  maxTickets: z.number().int().min(1).max(100).default(1),
  ticketPrice: z.object({ amount: z.number().int().min(0).max(1_000_000_000), currency: z.string().regex(/^[A-Z]{3}$/) }).strict().optional(),
  backupCount: z.number().int().min(0).max(100_000).default(0),
  geoFence: geoFence.optional(),
  loyaltyMultipliers: keyed(z.string().regex(/^[a-z0-9_-]{1,32}$/, 'use 1–32 of a–z 0–9 _ -'), z.number().int().min(1).max(100)).default({})
    .refine((m) => Object.keys(m).length <= 20, 'at most 20 tiers'),
  rollover: z.object({ enabled: z.boolean().default(true), cap: z.number().int().min(0).max(100).default(10) }).strict().default({ enabled: true, cap: 10 }),
  allowAnonymous: z.boolean().default(false),
  anonymousIdsInWebhooks: z.boolean().default(false),
  checkoutUrl: httpUrl.optional(),
  // DRAW-SPEC §4.1: by default the drop commits to the first drand round after its close.
  beacon: z.enum(['drand', 'none']).default('drand'),
  trustThreshold: z.number().int().min(0).max(100).default(50),
  powDifficulty: z.number().int().min(0).max(32).default(18),
}).strict().refine((d) => Date.parse(d.opensAt) < Date.parse(d.closesAt), { message: 'closesAt must be after opensAt', path: ['closesAt'] });

export const registration = z.object({
  tickets: z.number().int().min(1).max(100),
  pow: z.object({ challenge: z.string().min(1).max(600), nonce: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  signals: z.object({
    dwellMs: z.number().int().min(0).max(86_400_000).optional(),
    pointerEvents: z.number().int().min(0).max(1_000_000).optional(),
    keyEvents: z.number().int().min(0).max(1_000_000).optional(),
    focusChanges: z.number().int().min(0).max(1_000_000).optional(),
    webdriver: z.boolean().optional(),
  }).strict().optional(),
  fingerprint: z.object({
    visitorId: z.string().max(128).optional(),
    components: keyed(z.string().max(100), z.union([z.string().max(500), z.number(), z.boolean()])).refine((c) => Object.keys(c).length <= 40, 'at most 40 components').optional(),
    proRequestId: z.string().max(128).optional(),
  }).strict().optional(),
  location: z.object(point).strict().optional(),
  notify: notifyPreferences.optional(),
}).strict();

export const purchaseConfirm = z.object({ purchaseToken: z.string().min(1).max(1000), orderId: z.string().max(128).optional(), customerId: z.string().min(1).max(64).optional() }).strict();
