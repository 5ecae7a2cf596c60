/**
 * Ledger shard: `(merchant, shard)` holds the entries and wallets of the shoppers that hash to it.
 * One call registers a batch of shoppers (group commit from the API) with O(1) state per entry:
 * a dedupe key per (drop, shopper), one bounded page append, one wallet. Lazy state keeps each
 * call's state traffic to the keys it touches, never the whole shard.
 */
import * as restate from '@restatedev/restate-sdk';
import { all } from './state.js';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import type { Counts, RegisterItem, RegisterResult, StoredEntry } from '../core/model.js';
import { entryLines, registerBatch, settleWallet, emptyMeta, emptyWallet, type LedgerMeta, type Wallet, type DropOutcome, PAGE_SIZE } from '../core/ledger.js';
import { shardOfLedgerKey } from '../core/ids.js';
import { drop, ledger, ledgerState as key, type LedgerHandlers, type LedgerState } from './api.js';

const REPORT_EVERY_MS = 1000;

type Ctx = ObjectContext<LedgerState>;
type ReadCtx = Ctx | ObjectSharedContext<LedgerState>;
const metaOf = async (ctx: ReadCtx, dropId: string) => (await ctx.get(key.meta(dropId))) ?? emptyMeta();
const walletOf = async (ctx: ReadCtx, shopperId: string) => (await ctx.get(key.wallet(shopperId))) ?? emptyWallet();
const countsOf = (meta: LedgerMeta): Counts => ({ entries: meta.count, tickets: meta.tickets, weight: meta.weight });

/** Report absolute shard counts to the Drop at most once a second; a delayed flush catches the tail. */
function reportCounts(ctx: Ctx, dropId: string, meta: LedgerMeta, now: number): void {
  const since = now - meta.reportedAt;
  if (since >= REPORT_EVERY_MS) {
    ctx.objectSendClient(drop, dropId).reportCounts({ shard: shardOfLedgerKey(ctx.key), counts: countsOf(meta) });
    meta.reportedAt = now;
  } else if (!meta.flushScheduled) {
    ctx.objectSendClient(ledger, ctx.key).flushCounts(dropId, restate.rpc.sendOpts({ delay: { milliseconds: REPORT_EVERY_MS - since } }));
    meta.flushScheduled = true;
  }
}

async function linesOf(ctx: ReadCtx, dropId: string, meta: LedgerMeta): Promise<string> {
  const pages = await all(Array.from({ length: meta.pages }, (_, p) => ctx.get(key.page(dropId, p))));
  return pages.flatMap((rows) => entryLines(rows ?? [])).join('\n');
}

/** How each drop a wallet still waits on ended (null: not yet). */
async function outcomesFor(ctx: ReadCtx, wallets: Iterable<Wallet>): Promise<Map<string, DropOutcome | null>> {
  const dropIds = new Set<string>();
  for (const w of wallets) for (const p of w.pending) dropIds.add(p.dropId);
  const ids = [...dropIds];
  const outcomes = await all(ids.map((id) => ctx.get(key.outcome(id))));
  return new Map(ids.map((id, i) => [id, outcomes[i] ?? null]));
}

/** A wallet with finished drops settled, in the view only (settling is written at the next registration). */
async function walletView(ctx: ReadCtx, wallet: Wallet) {
  const settled = settleWallet(wallet, await outcomesFor(ctx, [wallet]), null);
  return { tier: settled.tier, credits: settled.credits };
}

async function register(ctx: Ctx, items: RegisterItem[]): Promise<RegisterResult[]> {
  const dropIds = [...new Set(items.map((i) => i.dropId))];
  const shopperIds = [...new Set(items.map((i) => i.shopperId))];
  // Round 1: the clock, metas, dedupe keys and wallets, pipelined in one batch (one round trip, not two).
  const [clock, ...first] = await all([
    ctx.date.now(),
    ...dropIds.map((d) => ctx.get(key.meta(d))),
    ...items.map((i) => ctx.get(key.entry(i.dropId, i.shopperId))),
    ...shopperIds.map((s) => ctx.get(key.wallet(s))),
  ] as Array<Promise<unknown>>);
  const now = clock as number;
  const metas = new Map(dropIds.map((d, k) => [d, (first[k] as LedgerMeta | null) ?? emptyMeta()]));
  const existing = new Map(items.map((i, k) => [`${i.dropId}:${i.shopperId}`, first[dropIds.length + k] as StoredEntry | null]));
  const wallets = new Map(shopperIds.map((s, k) => [s, (first[dropIds.length + items.length + k] as Wallet | null) ?? emptyWallet()]));
  // Round 2 (only for state written before metas carried their tail page): the last page of each
  // drop; then outcomes of drops the wallets wait on.
  const paged = dropIds.filter((d) => metas.get(d)!.pages > 0 && !metas.get(d)!.tail);
  const lastPages = await all(paged.map((d) => ctx.get(key.page(d, metas.get(d)!.pages - 1))));
  const pages = new Map(dropIds.map((d) => [d, metas.get(d)!.tail ?? []]));
  paged.forEach((d, k) => pages.set(d, lastPages[k] ?? []));
  const outcomes = await outcomesFor(ctx, wallets.values());

  const out = registerBatch({ items, now, metas, pages, existing, wallets, outcomes });
  for (const [dropShopper, entry] of out.newEntries) ctx.set(`e:${dropShopper}`, entry);
  for (const [shopper, wallet] of out.touchedWallets) ctx.set(key.wallet(shopper), wallet);
  for (const [dropPage, rows] of out.writtenPages) ctx.set(`p:${dropPage}`, rows);
  for (const dropId of out.touchedDrops) {
    const meta = metas.get(dropId)!;
    reportCounts(ctx, dropId, meta, now);
    ctx.set(key.meta(dropId), meta);
  }
  return out.results;
}

export const ledgerObject = restate.object({
  name: 'ledger',
  options: { enableLazyState: true },
  handlers: {
    /** Results are in input order; a repeat (also of a whole batch) returns the stored entry. */
    register,

    flushCounts: async (ctx: Ctx, dropId: string) => {
      const meta = await metaOf(ctx, dropId);
      meta.flushScheduled = false;
      meta.reportedAt = 0;
      reportCounts(ctx, dropId, meta, await ctx.date.now());
      ctx.set(key.meta(dropId), meta);
    },

    seal: async (ctx: Ctx, dropId: string) => {
      const meta = await metaOf(ctx, dropId);
      meta.sealed = true;
      ctx.set(key.meta(dropId), meta);
      return { counts: countsOf(meta) };
    },

    lines: restate.handlers.object.shared(async (ctx: ObjectSharedContext<LedgerState>, dropId: string) => {
      const meta = await metaOf(ctx, dropId);
      return meta.sealed ? linesOf(ctx, dropId, meta) : '';
    }),

    /** Wallets settle lazily, from this outcome, at each shopper's next registration. */
    recordOutcome: async (ctx: Ctx, input: { dropId: string; kept: string[]; cancelled?: boolean }) => {
      ctx.set(key.outcome(input.dropId), input.cancelled ? 'cancelled' : input.kept);
    },

    setTier: async (ctx: Ctx, input: { shopperId: string; tier: string }) => {
      const wallet = await walletOf(ctx, input.shopperId);
      wallet.tier = input.tier;
      ctx.set(key.wallet(input.shopperId), wallet);
      return walletView(ctx, wallet);
    },

    getEntry: restate.handlers.object.shared(async (ctx: ObjectSharedContext<LedgerState>, input: { dropId: string; shopperId: string }) =>
      ctx.get(key.entry(input.dropId, input.shopperId))),

    wallet: restate.handlers.object.shared(async (ctx: ObjectSharedContext<LedgerState>, shopperId: string) => walletView(ctx, await walletOf(ctx, shopperId))),

    page: restate.handlers.object.shared(async (ctx: ObjectSharedContext<LedgerState>, input: { dropId: string; page: number }) => {
      const meta = await metaOf(ctx, input.dropId);
      const rows = input.page < meta.pages ? ((await ctx.get(key.page(input.dropId, input.page))) ?? []) : [];
      return { rows, pages: meta.pages, pageSize: PAGE_SIZE };
    }),
  } satisfies LedgerHandlers,
});
