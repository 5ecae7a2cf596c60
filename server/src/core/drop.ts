/**
 * Drop lifecycle as pure functions: the public view, slot promotion after an expiry, completion,
 * and a shopper's status read from the draw record (losers never need durable work).
 */
import type { Counts, DropConfig, Phase, PublicDrop, Slot, Schemas } from './model.js';
import { pricingTable } from './pricing.js';
import { beaconStatus, type BeaconState } from './beacon.js';

export interface DrawSummary { root: string; entryCount: number; totalWeight: number; winners: number; backups: number; backupsPromoted: number; drawnAt: number }

export interface DropView {
  config: DropConfig;
  phase: Phase;
  version: number;
  counts: Counts;
  purchased: number;
  summary: DrawSummary | null;
  /** The wait for the drand round, once registration has closed (drops with a beacon). */
  beacon?: BeaconState | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Sum of the shards' latest absolute counts. */
export function totalCounts(byShard: Record<string, Counts>): Counts {
  const total: Counts = { entries: 0, tickets: 0, weight: 0 };
  for (const c of Object.values(byShard)) { total.entries += c.entries; total.tickets += c.tickets; total.weight += c.weight; }
  return total;
}

/** The public state of a drop (what storefronts and SSE see). */
export function publicView(v: DropView, now: number): PublicDrop {
  const c = v.config;
  const view: PublicDrop = {
    id: c.id, name: c.name, phase: v.phase, version: v.version, inventory: c.inventory,
    opensAt: iso(c.opensAt), closesAt: iso(c.closesAt), purchaseWindowSeconds: c.purchaseWindowSeconds,
    maxTickets: c.maxTickets, pricing: pricingTable(c.maxTickets, c.ticketPrice?.amount ?? 0),
    backupCount: c.backupCount, loyaltyMultipliers: c.loyaltyMultipliers, rollover: c.rollover,
    allowAnonymous: c.allowAnonymous, commitment: c.commitment, beaconSource: c.beaconSource || null,
    beaconRound: c.beaconRound ?? null,
    counts: { entries: v.counts.entries, tickets: v.counts.tickets, purchased: v.purchased },
    serverTime: iso(now),
  };
  if (c.ticketPrice) view.ticketPrice = c.ticketPrice;
  if (c.geoFence) view.geoFence = c.geoFence;
  if (c.checkoutUrl) view.checkoutUrl = c.checkoutUrl;
  const beacon = beaconStatus(c.beaconRound, c.beaconAt, v.beacon);
  if (beacon) view.beacon = beacon;
  if (v.summary) view.draw = { ...v.summary, drawnAt: iso(v.summary.drawnAt) };
  return view;
}

/**
 * A slot after its offer expired: the next backup (if any) gets it with a fresh window and the
 * cursor moves on; otherwise the slot stays unfilled.
 */
export function promoteAfterExpiry(slot: Slot, nextBackup: string | null, cursor: number, now: number, windowMs: number):
  { slot: Slot; cursor: number; promoted: string | null } {
  if (!nextBackup) return { slot: { ...slot, status: 'unfilled' }, cursor, promoted: null };
  return { slot: { entryId: nextBackup, status: 'offered', deadline: now + windowMs }, cursor: cursor + 1, promoted: nextBackup };
}

export type EntryStatus = Schemas['EntryStatus'];
export type Standing = { status: EntryStatus; backupPosition?: number; holder: boolean };

/** Fast lookups into a draw record. */
export interface RecordIndex { winners: ReadonlySet<string>; backupIndex: ReadonlyMap<string, number>; cursor: number }

/**
 * Where an entry stands after the draw, from the record alone. `holder` says the entry has (or had)
 * a purchase slot, so its live state (won/purchased/expired) comes from its holder object.
 */
export function standingFromRecord(entryId: string, rec: RecordIndex, phase: Phase): Standing {
  if (rec.winners.has(entryId)) return { status: 'won', holder: true };
  const b = rec.backupIndex.get(entryId) ?? -1;
  if (b >= 0 && b < rec.cursor) return { status: 'promoted', holder: true };
  if (b >= 0 && phase !== 'completed') return { status: 'backup', backupPosition: b - rec.cursor + 1, holder: false };
  return { status: 'lost', holder: false };
}
