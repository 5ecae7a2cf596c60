/**
 * Drop lifecycle as pure functions: the public view, slot promotion after an expiry, and the
 * draw's summary. Where an entry stands after the draw is in standing.ts.
 */
import type { Counts, DrawRecord, DrawSummary, DropConfig, Phase, PublicDrop, Slot } from './model.js';
import { pricingTable } from './pricing.js';
import { beaconStatus, type BeaconState } from './beacon.js';

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

/** The public summary of a fresh draw record (no backup promoted yet). */
export function drawSummary(record: DrawRecord, drawnAt: number): DrawSummary {
  return { root: record.root, entryCount: record.entryCount, totalWeight: record.totalWeight, winners: record.winners.length, backups: record.backups.length, backupsPromoted: 0, drawnAt };
}

/**
 * A slot after its offer expired: the next backup (if any) gets it with a fresh window and
 * `backupsPromoted` moves on; otherwise the slot stays unfilled.
 */
export function promoteAfterExpiry(slot: Slot, nextBackup: string | null, backupsPromoted: number, now: number, windowMs: number):
  { slot: Slot; backupsPromoted: number; promoted: string | null } {
  if (!nextBackup) return { slot: { ...slot, status: 'unfilled' }, backupsPromoted, promoted: null };
  return { slot: { entryId: nextBackup, status: 'offered', deadline: now + windowMs }, backupsPromoted: backupsPromoted + 1, promoted: nextBackup };
}
