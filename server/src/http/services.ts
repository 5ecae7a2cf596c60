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
import { TtlCache } from './cache.js';
import { GroupCommit } from './batcher.js';
import { id } from './schemas.js';

const ACTIVE = new Set(['scheduled', 'registration', 'closed', 'purchase']);

export type DropInfo = DropRead;

export class Services {
  private merchants = new TtlCache<MerchantRecord | null>(5_000);
  private drops = new TtlCache<DropInfo | null>(1_000);
  private records = new TtlCache<DrawIndex | null>(1_000, 200);
  private snapshots = new TtlCache<CanonicalEntries>(10 * 60_000, 3);
  /**
   * No idempotency key on the batch, on purpose: the ledger dedupes every shopper durably, so a
   * repeated batch already returns the stored entries, while a key would make Restate keep one
   * idempotency record per call on the hot path (bench:register hinted at a cost, but on a loaded
   * shared machine the runs were too noisy to size it).
   */
  private register = new GroupCommit<RegisterItem, RegisterResult>((key, items) => this.durable.ledger(key).register(items));
  private unsubscribe: () => void;

  constructor(readonly durable: Durable, readonly bus: Bus, private readonly now: () => number) {
    // Keep cached drop state fresh from events (versions only move forward).
    this.unsubscribe = bus.subscribe('fairdrop.drop.*', (event) => {
      if (event.kind !== 'drop') return;
      const cached = this.drops.peek(event.drop.id);
      if (cached && cached.drop.version < event.drop.version) this.drops.set(event.drop.id, { ...cached, drop: event.drop });
    });
  }

  close(): void { this.unsubscribe(); }

  merchant(merchantId: string): Promise<MerchantRecord | null> {
    return this.merchants.get(merchantId, () => this.durable.merchant(merchantId).get());
  }
  forgetMerchant(merchantId: string): void { this.merchants.delete(merchantId); }

  async drop(dropIdRaw: string): Promise<DropInfo | null> {
    const dropId = id.parse(dropIdRaw);
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

  registerEntry(shard: string, item: RegisterItem): Promise<RegisterResult> { return this.register.submit(shard, item); }

  entry(merchantId: string, shard: number, dropId: string, shopperId: string): Promise<StoredEntry | null> {
    return this.durable.ledger(ledgerKey(merchantId, shard)).getEntry({ dropId, shopperId });
  }
}
