/** Request validation at the edge (zod), mirroring openapi.yaml's request schemas. */
import { z } from 'zod';

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1–64 of A–Z a–z 0–9 _ -');
const isoDate = z.string().datetime({ offset: true, message: 'use an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z' });
const origin = z.string().url().max(200);

export const merchantCreate = z.object({ name: z.string().min(1).max(100), allowedOrigins: z.array(origin).max(50).default([]) }).strict();
export const merchantUpdate = z.object({ name: z.string().min(1).max(100).optional(), allowedOrigins: z.array(origin).max(50).optional() }).strict();

const eventType = z.enum(['drop.opened', 'drop.closed', 'draw.completed', 'entry.won', 'purchase.completed', 'winner.expired', 'backup.promoted', 'drop.completed', 'drop.cancelled']);
export const webhookCreate = z.object({ url: z.string().url().max(500).refine((u) => /^https?:/.test(u), 'use an http(s) URL'), events: z.array(eventType).default([]) }).strict();
export const loyaltyUpdate = z.object({ tier: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'use 1–32 of a–z 0–9 _ -') }).strict();

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
  loyaltyMultipliers: z.record(z.string().regex(/^[a-z0-9_-]{1,32}$/), z.number().int().min(1).max(100)).default({})
    .refine((m) => Object.keys(m).length <= 20, 'at most 20 tiers'),
  rollover: z.object({ enabled: z.boolean().default(true), cap: z.number().int().min(0).max(100).default(10) }).strict().default({ enabled: true, cap: 10 }),
  allowAnonymous: z.boolean().default(false),
  checkoutUrl: z.string().url().max(500).refine((u) => /^https?:/i.test(u), 'use an http(s) URL').optional(),
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
    components: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).refine((c) => Object.keys(c).length <= 40, 'at most 40 components').optional(),
    proRequestId: z.string().max(128).optional(),
  }).strict().optional(),
  location: z.object(point).strict().optional(),
}).strict();

export const purchaseConfirm = z.object({ purchaseToken: z.string().min(1).max(1000), orderId: z.string().max(128).optional() }).strict();
