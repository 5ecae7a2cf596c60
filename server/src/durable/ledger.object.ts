/**
 * Ledger shard: `(merchant, shard)` holds the entries and wallets of the shoppers that hash to it.
 * One call registers a batch of shoppers (group commit from the API) with O(1) state per entry:
 * a dedupe key per (drop, shopper), one bounded page append, one wallet. Lazy state keeps each
 * call's state traffic to the keys it touches, never the whole shard.
 */
import * as restate from '@restatedev/restate-sdk';
import { all } from './state.js';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import type { RegisterItem, RegisterResult, StoredEntry, Counts } from '../core/model.js';
import { entryLines, registerBatch, settleWallet, emptyMeta, type LedgerMeta, type PageRow, type Wallet, type DropOutcome, PAGE_SIZE } from '../core/ledger.js';
import type { DropObject } from './drop.object.js';

const dropApi: DropObject = { name: 'drop' };
const REPORT_EVERY_MS = 1000;

type Ctx = ObjectContext | ObjectSharedContext;
const metaOf = async (ctx: Ctx, dropId: string) => (await ctx.get<LedgerMeta>(`m:${dropId}`)) ?? emptyMeta();

/** Report absolute shard counts to the Drop at most once a second; a delayed flush catches the tail. */
function reportCounts(ctx: ObjectContext, dropId: string, meta: LedgerMeta, now: number): void {
  const shard = Number(ctx.key.split(':')[1]);
  const since = now - meta.reportedAt;
  if (since >= REPORT_EVERY_MS) {
    const counts: Counts = { entries: meta.count, tickets: meta.tickets, weight: meta.weight };
    ctx.objectSendClient(dropApi, dropId).reportCounts({ shard, counts });
    meta.reportedAt = now;
  } else if (!meta.flushScheduled) {
    ctx.objectSendClient(ledgerApi, ctx.key).flushCounts(dropId, restate.rpc.sendOpts({ delay: { milliseconds: REPORT_EVERY_MS - since } }));
    meta.flushScheduled = true;
  }
}

async function linesOf(ctx: Ctx, dropId: string, meta: LedgerMeta): Promise<string> {
  const pages = await all(Array.from({ length: meta.pages }, (_, p) => ctx.get<PageRow[]>(`p:${dropId}:${p}`)));
  return pages.flatMap((rows) => entryLines(rows ?? [])).join('\n');
}

async function loadOutcomes(ctx: ObjectContext, wallets: Map<string, Wallet>): Promise<Map<string, DropOutcome | null>> {
  const dropIds = new Set<string>();
  for (const w of wallets.values()) for (const p of w.pending) dropIds.add(p.dropId);
  const ids = [...dropIds];
  const outcomes = await all(ids.map((id) => ctx.get<DropOutcome>(`o:${id}`)));
  return new Map(ids.map((id, i) => [id, outcomes[i] ?? null]));
}

export const ledger = restate.object({
  name: 'ledger',
  options: { enableLazyState: true },
  handlers: {
    /** Register a batch; results are in input order. Repeats return the stored entry. */
    register: async (ctx: ObjectContext, items: RegisterItem[]): Promise<RegisterResult[]> => {
      const dropIds = [...new Set(items.map((i) => i.dropId))];
      const shopperIds = [...new Set(items.map((i) => i.shopperId))];
      // Round 1: the clock, metas, dedupe keys and wallets, pipelined in one batch (one round trip, not two).
      const [clock, ...first] = await all([
        ctx.date.now(),
        ...dropIds.map((d) => ctx.get<LedgerMeta>(`m:${d}`)),
        ...items.map((i) => ctx.get<StoredEntry>(`e:${i.dropId}:${i.shopperId}`)),
        ...shopperIds.map((s) => ctx.get<Wallet>(`w:${s}`)),
      ] as Array<Promise<unknown>>);
      const now = clock as number;
      const metas = new Map(dropIds.map((d, k) => [d, (first[k] as LedgerMeta | null) ?? emptyMeta()]));
      const existing = new Map(items.map((i, k) => [`${i.dropId}:${i.shopperId}`, first[dropIds.length + k] as StoredEntry | null]));
      const wallets = new Map(shopperIds.map((s, k) => [s, (first[dropIds.length + items.length + k] as Wallet | null) ?? { credits: 0, tier: null, pending: [] }]));
      // Round 2 (only for state written before metas carried their tail page): the last page of each
      // drop; then outcomes of drops the wallets wait on.
      const paged = dropIds.filter((d) => metas.get(d)!.pages > 0 && !metas.get(d)!.tail);
      const lastPages = await all(paged.map((d) => ctx.get<PageRow[]>(`p:${d}:${metas.get(d)!.pages - 1}`)));
      const pages = new Map(dropIds.map((d) => [d, metas.get(d)!.tail ?? []]));
      paged.forEach((d, k) => pages.set(d, lastPages[k] ?? []));
      const outcomes = await loadOutcomes(ctx, wallets);

      const out = registerBatch({ items, now, metas, pages, existing, wallets, outcomes });
      for (const [key, entry] of out.newEntries) ctx.set(`e:${key}`, entry);
      for (const [shopper, wallet] of out.touchedWallets) ctx.set(`w:${shopper}`, wallet);
      for (const [pageKey, rows] of out.writtenPages) ctx.set(`p:${pageKey}`, rows);
      for (const dropId of out.touchedDrops) {
        const meta = metas.get(dropId)!;
        reportCounts(ctx, dropId, meta, now);
        ctx.set(`m:${dropId}`, meta);
      }
      return out.results;
    },

    flushCounts: async (ctx: ObjectContext, dropId: string): Promise<void> => {
      const meta = await metaOf(ctx, dropId);
      meta.flushScheduled = false;
      meta.reportedAt = 0;
      reportCounts(ctx, dropId, meta, await ctx.date.now());
      ctx.set(`m:${dropId}`, meta);
    },

    /** Close this shard for a drop and hand over its entries as `entryId weight` lines. */
    seal: async (ctx: ObjectContext, dropId: string): Promise<{ lines: string; counts: Counts }> => {
      const meta = await metaOf(ctx, dropId);
      meta.sealed = true;
      ctx.set(`m:${dropId}`, meta);
      return { lines: await linesOf(ctx, dropId, meta), counts: { entries: meta.count, tickets: meta.tickets, weight: meta.weight } };
    },

    /** A sealed drop's entries as `entryId weight` lines (for snapshots and proofs); empty before the seal. */
    lines: restate.handlers.object.shared(async (ctx: ObjectSharedContext, dropId: string) => {
      const meta = await metaOf(ctx, dropId);
      return meta.sealed ? linesOf(ctx, dropId, meta) : '';
    }),

    /**
     * The shoppers behind some of a sealed drop's entries (the draw's winners and backups on this
     * shard), so slot webhooks can name the merchant's customer. One pass over the drop's pages, at the draw.
     */
    shoppersOf: restate.handlers.object.shared(async (ctx: ObjectSharedContext, input: { dropId: string; entryIds: string[] }): Promise<Record<string, string>> => {
      const meta = await metaOf(ctx, input.dropId);
      const wanted = new Set(input.entryIds);
      const found: Record<string, string> = {};
      for (let p = 0; p < meta.pages && wanted.size; p++) {
        for (const row of (await ctx.get<PageRow[]>(`p:${input.dropId}:${p}`)) ?? []) {
          if (wanted.delete(row[0])) found[row[0]] = row[3];
        }
      }
      return found;
    }),

    /** The drop is final: remember which of this shard's entries held a slot (or that it was cancelled); wallets settle lazily. */
    settle: async (ctx: ObjectContext, input: { dropId: string; kept: string[]; cancelled?: boolean }): Promise<void> => {
      ctx.set(`o:${input.dropId}`, input.cancelled ? 'cancelled' : input.kept);
    },

    setTier: async (ctx: ObjectContext, input: { shopperId: string; tier: string }): Promise<{ tier: string | null; credits: number }> => {
      const wallet = (await ctx.get<Wallet>(`w:${input.shopperId}`)) ?? { credits: 0, tier: null, pending: [] };
      wallet.tier = input.tier;
      ctx.set(`w:${input.shopperId}`, wallet);
      const settled = settleWallet(wallet, await loadOutcomes(ctx, new Map([[input.shopperId, wallet]])), null);
      return { tier: settled.tier, credits: settled.credits };
    },

    getEntry: restate.handlers.object.shared(async (ctx: ObjectSharedContext, input: { dropId: string; shopperId: string }) =>
      ctx.get<StoredEntry>(`e:${input.dropId}:${input.shopperId}`)),

    /** The shopper's tier and credits as they stand, settling finished drops in the view only. */
    standing: restate.handlers.object.shared(async (ctx: ObjectSharedContext, shopperId: string) => {
      const wallet = (await ctx.get<Wallet>(`w:${shopperId}`)) ?? { credits: 0, tier: null, pending: [] };
      const ids = [...new Set(wallet.pending.map((p) => p.dropId))];
      const got = await all(ids.map((id) => ctx.get<DropOutcome>(`o:${id}`)));
      const settled = settleWallet(wallet, new Map(ids.map((id, i) => [id, got[i] ?? null])), null);
      return { tier: settled.tier, credits: settled.credits };
    }),

    page: restate.handlers.object.shared(async (ctx: ObjectSharedContext, input: { dropId: string; page: number }) => {
      const meta = await metaOf(ctx, input.dropId);
      const rows = input.page < meta.pages ? ((await ctx.get<PageRow[]>(`p:${input.dropId}:${input.page}`)) ?? []) : [];
      return { rows, pages: meta.pages, pageSize: PAGE_SIZE };
    }),
  },
});

export type LedgerObject = typeof ledger;
const ledgerApi: LedgerObject = { name: 'ledger' } as LedgerObject;
