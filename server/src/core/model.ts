/** Internal shapes shared by the durable shell and the HTTP layer (the contract's types are in @fairdrop/sdk/schema). */
import type { components } from '@fairdrop/sdk/schema';
import type { GeoFence } from './geo.js';
import type { Contact } from './notices/kinds.js';
import type { Outcome } from './errors.js';

export type Schemas = components['schemas'];
export type Phase = Schemas['Phase'];
export type PublicDrop = Schemas['PublicDrop'];
export type EntryState = Schemas['EntryState'];

/**
 * The draw, under one family of names:
 * - `DrawRecord`: the published fairdrop-draw-v1 record (contract `DrawRecord`), stored once by the drop;
 * - `DrawSummary`: what the drop's public state says about it (contract `DrawSummary`, times in ms here);
 * - `DrawIndex`: the record with lookups, for reading where an entry stands without a per-entry call.
 */
export type DrawRecord = Schemas['DrawRecord'];
export interface DrawSummary { root: string; entryCount: number; totalWeight: number; winners: number; backups: number; backupsPromoted: number; drawnAt: number }
export interface DrawIndex {
  record: DrawRecord;
  winners: ReadonlySet<string>;
  /** Each backup's 0-based place in the record's backup list. */
  backupIndex: ReadonlyMap<string, number>;
  /** How many backups have been promoted to a slot so far (they are the first ones in the list). */
  backupsPromoted: number;
}

/** Immutable drop settings, fixed at creation (the secret is kept apart). */
export interface DropConfig {
  id: string;
  merchantId: string;
  name: string;
  inventory: number;
  opensAt: number;
  closesAt: number;
  purchaseWindowSeconds: number;
  maxTickets: number;
  ticketPrice?: { amount: number; currency: string };
  backupCount: number;
  geoFence?: GeoFence;
  loyaltyMultipliers: Record<string, number>;
  rollover: { enabled: boolean; cap: number };
  allowAnonymous: boolean;
  /** Name anonymous slot holders (their anonymous id) in webhooks; absent on drops made before it existed. */
  anonymousIdsInWebhooks?: boolean;
  checkoutUrl?: string;
  /** `"drand:" || chainHash` (DRAW-SPEC §4.1), or '' for a drop without a beacon. */
  beaconSource: string;
  /** With a beacon: the round fixed at creation, and when it is produced (ms). */
  beaconRound?: number;
  beaconAt?: number;
  trustThreshold: number;
  powDifficulty: number;
  shards: number;
  createdAt: number;
  commitment: string;
}

export interface Counts { entries: number; tickets: number; weight: number }

/** A registration as the ledger stores it. */
export interface StoredEntry {
  entryId: string;
  shopperId: string;
  tickets: number;
  weight: number;
  breakdown: Schemas['Breakdown'];
  multipliers: { loyalty: number; geo: number; tier: string | null };
  registeredAt: number;
  trustScore: number;
}

/** What the API sends the ledger for one registration (validated and priced at the edge). */
export interface RegisterItem {
  dropId: string;
  shopperId: string;
  entryId: string;
  tickets: number;
  geoMultiplier: number;
  trustScore: number;
  /** Settings copied from the drop so the ledger needs no call to the Drop object. */
  opensAt: number;
  closesAt: number;
  loyaltyMultipliers: Record<string, number>;
  rollover: { enabled: boolean; cap: number };
  unitAmount: number;
  /** Where to email the shopper (notices), when they gave an address. */
  contact?: Contact;
  /** The merchant wants `entry.created` webhooks. */
  announce?: boolean;
}

/** A registration the ledger accepted: new, or the shopper's earlier entry returned again. */
export interface Registration { created: boolean; entry: StoredEntry }
export type RegisterResult = Outcome<Registration>;

/** A purchase slot after the draw. */
export interface Slot { entryId: string; status: 'offered' | 'purchased' | 'unfilled'; deadline: number }
