/**
 * Reads and writes the API and SSE roles share: cached lookups of merchants, drops and draw
 * records, and the registration group commit. Caches are short-lived and refreshed by bus events.
 */
import { canonicalize, type CanonicalEntries } from '@fairdrop/sdk/draw';
import type { Bus } from '../bus/bus.js';
import type { DrawIndex, DropConfig, PublicDrop, RegisterItem, RegisterResult, StoredEntry } from '../core/model.js';
import { FairdropError } from '../core/errors.js';
import { ledgerKey } from '../core/ids.js';
import { parseEntryLines } from '../core/ledger.js';
import type { DropRead, MerchantRecord } from '../durable/api.js';
import type { Durable } from './durable-client.js';
import { TtlCache, WeightedCache } from './cache.js';
import { GroupCommit } from './batcher.js';
import { pathId } from './schemas.js';
import { needsReseal, open, type SecretKeyring } from '../core/secret-box.js';

/** Entries of drawn drops kept in memory for /snapshot and /proof (≈ 100 MB at 1M). */
export const SNAPSHOT_BUDGET_ENTRIES = 1_000_000;
const ACTIVE = new Set(['scheduled', 'registration', 'closed', 'purchase']);

export type DropInfo = DropRead;

export class Services {
  private merchants = new TtlCache<MerchantRecord | null>(5_000);
  /** Merchant ids the store did not know, remembered longer (made-up keys cost one lookup per 30 s, not one per request). */
  private unknownMerchants = new TtlCache<true>(30_000, 50_000);
  private drops = new TtlCache<DropInfo | null>(1_000);
  private records = new TtlCache<DrawIndex | null>(1_000, 200);
  /** Sealed snapshots of drawn drops (they never change), bounded by total entries: about 100 bytes each with their proof tree. */
  private snapshots = new WeightedCache<CanonicalEntries>(SNAPSHOT_BUDGET_ENTRIES, (e) => e.size);
  /**
   * No idempotency key on the batch, on purpose: the ledger dedupes every shopper durably, so a
   * repeated batch already returns the stored entries, while a key would make Restate keep one
   * idempotency record per call on the hot path (bench:register hinted at a cost, but on a loaded
   * shared machine the runs were too noisy to size it).
   */
  private register = new GroupCommit<RegisterItem, RegisterResult>((key, items) => this.durable.ledger(key).register(items));
  private registering = new Map<string, Promise<RegisterResult>>();
  private reading = new Map<string, Promise<StoredEntry | null>>();
  private unsubscribe: () => void;

  /** `secretKeys` opens the merchant secrets stored sealed (none: stored values are taken as they are). */
  constructor(readonly durable: Durable, readonly bus: Bus, private readonly now: () => number, private readonly secretKeys: SecretKeyring = []) {
    // Keep cached drop state fresh from events (versions only move forward).
    this.unsubscribe = bus.subscribe('fairdrop.drop.*', (event) => {
      if (event.kind !== 'drop') return;
      const cached = this.drops.peek(event.drop.id);
      if (cached && cached.drop.version < event.drop.version) this.drops.set(event.drop.id, { ...cached, drop: event.drop });
    });
  }

  close(): void { this.unsubscribe(); }

  /** The merchant with its secrets opened (they are stored sealed); a record sealed with an old key is re-sealed in the background. */
  merchant(merchantId: string): Promise<MerchantRecord | null> {
    if (this.unknownMerchants.fresh(merchantId)) return Promise.resolve(null);
    return this.merchants.get(merchantId, async () => {
      const m = await this.durable.merchant(merchantId).get();
      if (!m) { this.unknownMerchants.set(merchantId, true); return null; }
      if (needsReseal(m.shopperTokenSecret, this.secretKeys) || needsReseal(m.webhookSecret, this.secretKeys)) {
        void this.durable.merchant(merchantId).reseal().catch(() => undefined);
      }
      return { ...m, shopperTokenSecret: open(m.shopperTokenSecret, this.secretKeys, `${m.id}:shopperTokenSecret`), webhookSecret: open(m.webhookSecret, this.secretKeys, `${m.id}:webhookSecret`) };
    });
  }
  forgetMerchant(merchantId: string): void { this.merchants.delete(merchantId); this.unknownMerchants.delete(merchantId); }

  async drop(dropIdRaw: string): Promise<DropInfo | null> {
    const dropId = pathId('dropId', dropIdRaw);
    const info = await this.drops.get(dropId, () => this.durable.drop(dropId).get());
    return info && { ...info, drop: { ...info.drop, serverTime: new Date(this.now()).toISOString() } };
  }
  /** The drop, owned by this merchant, or 404 (other merchants' drops do not exist for you). */
  async dropOf(merchantId: string, dropId: string): Promise<DropInfo> {
    const info = await this.drop(dropId);
    if (!info || info.merchantId !== merchantId) throw new FairdropError('drop_not_found', `There is no drop "${dropId}" for this key. Check the drop id.`);
    return info;
  }
  forgetDrop(dropId: string): void { this.drops.delete(dropId); }

  /** The draw record with its lookups (null before the draw). */
  async record(dropId: string): Promise<DrawIndex | null> {
    return this.records.get(dropId, async () => {
      const r = await this.durable.drop(dropId).record();
      if (!r) return null;
      return { record: r.record, backupsPromoted: r.backupsPromoted, winners: new Set(r.record.winners), backupIndex: new Map(r.record.backups.map((id, i) => [id, i])) };
    });
  }

  /** The canonical entry list of a drawn drop, assembled from the sealed shards. */
  async snapshot(dropId: string, config: DropConfig): Promise<CanonicalEntries> {
    return this.snapshots.get(dropId, async () => {
      const shards = await Promise.all(Array.from({ length: config.shards }, (_, s) => this.durable.ledger(ledgerKey(config.merchantId, s)).lines(dropId)));
      return canonicalize(shards.flatMap(parseEntryLines));
    });
  }

  /** The merchant's newest 100 drops. */
  async merchantDrops(merchantId: string): Promise<DropInfo[]> {
    const ids = await this.durable.merchant(merchantId).drops();
    const infos = await Promise.all(ids.slice(0, 100).map((id) => this.drop(id)));
    return infos.filter((i): i is DropInfo => !!i);
  }

  /** Scheduled, open and purchasing drops (what storefronts list). */
  async activeDrops(merchantId: string): Promise<PublicDrop[]> {
    return (await this.merchantDrops(merchantId)).filter((i) => ACTIVE.has(i.drop.phase)).map((i) => i.drop);
  }

  /**
   * Register through the group commit. Concurrent registrations of one shopper for one drop are
   * coalesced here, before they reach Restate: the followers share the first one's result (as a repeat).
   */
  registerEntry(shard: string, item: RegisterItem): Promise<RegisterResult> {
    const key = `${item.dropId}\u0000${item.shopperId}`;
    const first = this.registering.get(key);
    if (first) return first.then((r) => (r.ok ? { ok: true, value: { ...r.value, created: false } } : r));
    const p = this.register.submit(shard, item).finally(() => this.registering.delete(key));
    this.registering.set(key, p);
    return p;
  }

  /** A shopper's stored entry; concurrent lookups of the same one share a single read. */
  entry(merchantId: string, shard: number, dropId: string, shopperId: string): Promise<StoredEntry | null> {
    const key = `${dropId}\u0000${shopperId}`;
    const pending = this.reading.get(key);
    if (pending) return pending;
    const p = this.durable.ledger(ledgerKey(merchantId, shard)).getEntry({ dropId, shopperId }).finally(() => this.reading.delete(key));
    this.reading.set(key, p);
    return p;
  }
}
