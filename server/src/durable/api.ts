/**
 * The durable boundary, named once: every Restate object's and service's handlers with their input
 * and output types, the handles callers pass to `objectClient(...)` (the API/SSE roles through
 * `@restatedev/restate-sdk-clients`, objects through their context), and each object's typed state.
 * Types only, plus four `{ name }` handles: it imports no object, so nothing here forms a circle.
 * Each object declares `handlers: { … } satisfies …Handlers`, so the compiler checks both sides.
 * @example
 * ctx.objectClient(ledger, ledgerKey(merchantId, shard)).seal(dropId); // inside a handler
 * durable.ledger(key).register(items);                                   // from the API (http/durable-client.ts)
 */
import type { ServiceDefinition, VirtualObjectDefinition } from '@restatedev/restate-sdk';
import type { components } from '@fairdrop/sdk/schema';
import type { Outcome } from '../core/errors.js';
import type { Counts, DrawRecord, DrawSummary, DropConfig, EntryState, Phase, PublicDrop, RegisterItem, RegisterResult, Slot, StoredEntry } from '../core/model.js';
import type { DropOutcome, LedgerMeta, PageRow, Wallet } from '../core/ledger.js';
import type { LedgerContactHandlers, LedgerContactState } from './notifier/api.js';
import type { BeaconState } from '../core/beacon.js';

/** A handler as its callers see it; the context (`any` here) is the object's own business. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's client types match handlers against (arg: any, …)
type H<I, O> = [I] extends [void] ? (ctx: any) => Promise<O> : (ctx: any, input: I) => Promise<O>;

// ---------------------------------------------------------------- ledger: `${merchantId}:${shard}`

export interface SealedShard { counts: Counts }
export interface WalletView { tier: string | null; credits: number }
export interface LedgerPage { rows: PageRow[]; pages: number; pageSize: number }

/** With the notices' contact reads (notifier/ledger-contacts.ts). */
export interface LedgerHandlers extends LedgerContactHandlers {
  /** A batch of registrations (group commit); results in input order. */
  register: H<RegisterItem[], RegisterResult[]>;
  flushCounts: H<string, void>;
  /** Close this shard for a drop; its entries are then read with `lines`. */
  seal: H<string, SealedShard>;
  /** A sealed drop's entries as `entryId weight` lines; empty before the seal. */
  lines: H<string, string>;
  /** The drop is final: which of this shard's entries held a slot (or that it was cancelled). */
  recordOutcome: H<{ dropId: string; kept: string[]; cancelled?: boolean }, void>;
  setTier: H<{ shopperId: string; tier: string }, WalletView>;
  getEntry: H<{ dropId: string; shopperId: string }, StoredEntry | null>;
  /** The shopper's tier and rollover credits as they stand. */
  wallet: H<string, WalletView>;
  page: H<{ dropId: string; page: number }, LedgerPage>;
  /** The shoppers behind some of a sealed drop's entries (its winners and backups on this shard): entryId → shopperId. */
  shoppersOf: H<{ dropId: string; entryIds: string[] }, Record<string, string>>;
}

/** Ledger state keys: per drop `m:`/`p:`/`o:`, per (drop, shopper) `e:`, per shopper `w:`. */
export interface LedgerState extends LedgerContactState {
  [meta: `m:${string}`]: LedgerMeta;
  /** `p:${dropId}:${page}` */
  [page: `p:${string}`]: PageRow[];
  [outcome: `o:${string}`]: DropOutcome;
  /** `e:${dropId}:${shopperId}` */
  [entry: `e:${string}`]: StoredEntry;
  [wallet: `w:${string}`]: Wallet;
}
export const ledgerState = {
  meta: (dropId: string) => `m:${dropId}` as const,
  page: (dropId: string, page: number) => `p:${dropId}:${page}` as const,
  outcome: (dropId: string) => `o:${dropId}` as const,
  /** The dedupe key of a shopper's registration for a drop. */
  entry: (dropId: string, shopperId: string) => `e:${dropId}:${shopperId}` as const,
  wallet: (shopperId: string) => `w:${shopperId}` as const,
};

// ---------------------------------------------------------------- drop: dropId

export type DropInit = Omit<DropConfig, 'commitment' | 'createdAt' | 'beaconSource' | 'beaconRound' | 'beaconAt'> & { beacon: 'drand' | 'none' };
/** What drawNow answers: the record, or the public drop while it waits for its drand round. */
export type DrawNowResult = { record: DrawRecord } | { waiting: PublicDrop };
export interface DropRead { merchantId: string; config: DropConfig; drop: PublicDrop }
export interface DrawRead { record: DrawRecord; backupsPromoted: number }
export type SlotOutcome = 'purchased' | 'expired';

export interface DropHandlers {
  create: H<DropInit, PublicDrop>;
  open: H<void, void>;
  /** The closing timer: close, then the draw (its own invocation). */
  close: H<void, void>;
  /** Draw once and offer the slots (a no-op unless closed and not yet drawn). */
  draw: H<void, void>;
  /** The drand round's timer and its retries (DRAW-SPEC §4.1): fetch, verify, then draw. */
  fetchBeacon: H<void, void>;
  /** Merchant override: close now and draw; the record (also when drawn already), or the drop while it waits for its round. */
  drawNow: H<void, Outcome<DrawNowResult>>;
  cancel: H<void, Outcome<null>>;
  reportCounts: H<{ shard: number; counts: Counts }, void>;
  slotResult: H<{ slot: number; entryId: string; outcome: SlotOutcome }, void>;
  get: H<void, DropRead | null>;
  record: H<void, DrawRead | null>;
}

export interface DropState {
  config: DropConfig;
  /** 32 random bytes (hex) behind the commitment, revealed in the record. */
  secret: string;
  phase: Phase;
  version: number;
  /** Latest absolute counts per shard. */
  counts: Record<string, Counts>;
  purchased: number;
  summary: DrawSummary;
  draw: DrawRecord;
  /** The wait for the drand round, from the close (drops with a beacon). */
  beacon: BeaconState;
  /** Slots still offered (neither purchased nor unfilled). */
  open: number;
  backupsPromoted: number;
  [slot: `slot:${number}`]: Slot;
  [backup: `backup:${number}`]: string;
  /** The ledger's shopper id behind a backup entry (for its webhooks once promoted). */
  [shopper: `shopper:${string}`]: string;
}

// ---------------------------------------------------------------- holder: entryKey(dropId, entryId)

export interface HolderOffer {
  dropId: string; merchantId: string; entryId: string; slot: number; deadline: number; promoted: boolean;
  /** The ledger's shopper id (`c_<customer>` or `a_<anonymous id>`), and whether an anonymous one may be named in webhooks. */
  shopperId?: string; revealAnonymous?: boolean;
}
export interface PurchaseSlot { nonce: string; deadline: number; entryId: string; slot: number }
export interface PurchaseResult { dropId: string; entryId: string; slot: number; orderId?: string; purchasedAt: number }
export interface HolderRecord extends HolderOffer {
  status: 'offered' | 'purchased' | 'expired'; nonce: string | null; version: number; orderId?: string; purchasedAt?: number;
}

export interface HolderHandlers {
  offer: H<HolderOffer, void>;
  /** The single-use token nonce for this slot (the same one while the window is open). */
  startPurchase: H<void, Outcome<PurchaseSlot>>;
  /** Exactly one confirmation succeeds; a repeat with the same orderId returns the same purchase. */
  confirm: H<{ nonce: string; orderId?: string }, Outcome<PurchaseResult>>;
  expire: H<void, void>;
  get: H<void, (EntryState & { version: number }) | null>;
}
export interface HolderState { h: HolderRecord }

// ---------------------------------------------------------------- merchant: merchantId

export type WebhookEventType = components['schemas']['WebhookEventType'];
/** What the webhooks service delivers: the contract's envelope; each type's `data` schema is checked by the contract tests. */
export type WebhookEvent = Omit<components['schemas']['WebhookEventBase'], 'type'> & { type: WebhookEventType; data: Record<string, unknown> };
export interface WebhookEndpoint { id: string; url: string; events: WebhookEventType[]; createdAt: number }
export interface MerchantRecord {
  id: string; name: string; allowedOrigins: string[]; secretKeyHash: string; publishableKey: string;
  shopperTokenSecret: string; webhookSecret: string; webhooks: WebhookEndpoint[]; shards: number; createdAt: number;
}
/** What the API hands over to create a merchant: secrets sealed (core/secret-box.ts), the secret key only as its hash. */
export type MerchantInit = Omit<MerchantRecord, 'id' | 'webhooks' | 'createdAt'>;

export interface MerchantHandlers {
  create: H<MerchantInit, Outcome<MerchantRecord>>;
  /** Re-seal the secrets with the current key (after a rotation, or legacy plaintext). */
  reseal: H<void, void>;
  update: H<{ name?: string; allowedOrigins?: string[] }, Outcome<MerchantRecord>>;
  addWebhook: H<{ url: string; events: WebhookEventType[] }, Outcome<WebhookEndpoint>>;
  removeWebhook: H<string, Outcome<null>>;
  addDrop: H<string, void>;
  get: H<void, MerchantRecord | null>;
  /** The merchant's drop ids, newest first. */
  drops: H<void, string[]>;
}
export interface MerchantState { m: MerchantRecord; drops: string[] }

// ---------------------------------------------------------------- webhooks (service)

export interface WebhooksHandlers {
  dispatch: H<{ merchantId: string; event: WebhookEvent }, void>;
  /** `secret` is the sealed webhook secret, opened only inside the delivery step. */
  deliver: H<{ url: string; merchantId?: string; secret: string; event: WebhookEvent }, void>;
}

// ---------------------------------------------------------------- handles

export const ledger: VirtualObjectDefinition<'ledger', LedgerHandlers> = { name: 'ledger' };
export const drop: VirtualObjectDefinition<'drop', DropHandlers> = { name: 'drop' };
export const holder: VirtualObjectDefinition<'holder', HolderHandlers> = { name: 'holder' };
export const merchant: VirtualObjectDefinition<'merchant', MerchantHandlers> = { name: 'merchant' };
export const webhooks: ServiceDefinition<'webhooks', WebhooksHandlers> = { name: 'webhooks' };
