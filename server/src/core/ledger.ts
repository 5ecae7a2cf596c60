/**
 * The ledger's pure core: register a batch of shoppers against loaded state, settle rollover
 * credits lazily. The durable shell (ledger.object.ts) loads the keys, calls this, saves the result.
 */
import type { RegisterItem, RegisterResult, StoredEntry } from './model.js';
import { fail, ok } from './errors.js';
import { entryBreakdown, entryWeight, creditsAfterLoss } from './entries.js';

export const PAGE_SIZE = 64;

/** `tail` mirrors the last page's rows, so a registration batch appends without a read of its own. */
export interface LedgerMeta { count: number; tickets: number; weight: number; pages: number; sealed: boolean; reportedAt: number; flushScheduled: boolean; tail?: PageRow[] }
/** A compact page row: entryId, weight, tickets, shopperId, registeredAt. */
export type PageRow = [string, number, number, string, number];
/** A shopper's standing with one merchant: rollover credits, loyalty tier, drops not yet settled. */
export interface Wallet { credits: number; tier: string | null; pending: Array<{ dropId: string; entryId: string; paid: number; cap: number; used?: number }> }
/** How a drop ended for a shard: the entry ids that held a slot, or 'cancelled' (nothing was drawn). */
export type DropOutcome = string[] | 'cancelled';

/** A sealed shard's entries as `entryId weight` lines (how shards hand them over). */
export const entryLines = (rows: PageRow[]) => rows.map((r) => `${r[0]} ${r[1]}`);

/** Parse the lines of {@link entryLines} back into entries (validated later by the draw). */
export function parseEntryLines(lines: string): Array<{ entryId: string; weight: number }> {
  return (lines ? lines.split('\n') : []).map((line) => {
    const [entryId = '', weight] = line.split(' ');
    return { entryId, weight: Number(weight) };
  });
}

/** A drop this shard has not seen yet. */
export const emptyMeta = (): LedgerMeta => ({ count: 0, tickets: 0, weight: 0, pages: 0, sealed: false, reportedAt: 0, flushScheduled: false });
/** A shopper this shard has not seen yet. */
export const emptyWallet = (): Wallet => ({ credits: 0, tier: null, pending: [] });

/**
 * Apply the outcomes of finished drops to a wallet: a paid entry that held no slot becomes
 * rollover credits (capped by that drop's cap); a cancelled drop gives back the credits it used.
 * Drops without an outcome stay pending. `skipDropId` keeps the current drop pending.
 */
export function settleWallet(wallet: Wallet, outcomes: Map<string, DropOutcome | null>, skipDropId: string | null): Wallet {
  let credits = wallet.credits;
  const pending: Wallet['pending'] = [];
  for (const p of wallet.pending) {
    const kept = p.dropId === skipDropId ? null : outcomes.get(p.dropId);
    if (!kept) { pending.push(p); continue; }
    if (kept === 'cancelled') credits += p.used ?? 0;
    else if (!kept.includes(p.entryId)) credits = creditsAfterLoss(p.paid, credits, p.cap);
  }
  return { credits, tier: wallet.tier, pending };
}

export interface BatchInput {
  items: RegisterItem[];
  now: number;
  metas: Map<string, LedgerMeta>;
  /** The last (possibly partial) page of each drop. */
  pages: Map<string, PageRow[]>;
  existing: Map<string, StoredEntry | null>;
  wallets: Map<string, Wallet>;
  outcomes: Map<string, DropOutcome | null>;
}

export interface BatchOutput {
  results: RegisterResult[];
  newEntries: Map<string, StoredEntry>;
  touchedWallets: Map<string, Wallet>;
  writtenPages: Map<string, PageRow[]>;
  touchedDrops: Set<string>;
}

function closedReason(item: RegisterItem, now: number, meta: LedgerMeta): RegisterResult | null {
  if (meta.sealed || now >= item.closesAt) return fail('registration_closed', 'Registration for this drop has closed.');
  if (now < item.opensAt) return fail('registration_not_open', 'Registration has not opened yet.');
  return null;
}

function buildEntry(item: RegisterItem, wallet: Wallet, now: number): { entry: StoredEntry; wallet: Wallet } {
  const credits = item.rollover.enabled ? wallet.credits : 0;
  const breakdown = entryBreakdown({ tickets: item.tickets, rolloverCredits: credits, unitAmount: item.unitAmount });
  const loyalty = (wallet.tier && item.loyaltyMultipliers[wallet.tier]) || 1;
  const weight = entryWeight({ tickets: item.tickets, loyaltyMultiplier: loyalty, geoMultiplier: item.geoMultiplier });
  const entry: StoredEntry = {
    entryId: item.entryId, shopperId: item.shopperId, tickets: item.tickets, weight, breakdown,
    multipliers: { loyalty, geo: item.geoMultiplier, tier: wallet.tier }, registeredAt: now, trustScore: item.trustScore,
  };
  const pending = item.rollover.enabled && (breakdown.paid > 0 || breakdown.rollover > 0)
    ? [...wallet.pending, { dropId: item.dropId, entryId: item.entryId, paid: breakdown.paid, cap: item.rollover.cap, used: breakdown.rollover }]
    : wallet.pending;
  return { entry, wallet: { credits: wallet.credits - breakdown.rollover, tier: wallet.tier, pending } };
}

/** Register every item in order; duplicates (also within the batch) return the stored entry. */
export function registerBatch(input: BatchInput): BatchOutput {
  const out: BatchOutput = { results: [], newEntries: new Map(), touchedWallets: new Map(), writtenPages: new Map(), touchedDrops: new Set() };
  for (const item of input.items) {
    const key = `${item.dropId}:${item.shopperId}`;
    const meta = input.metas.get(item.dropId)!;
    const known = out.newEntries.get(key) ?? input.existing.get(key);
    if (known) { out.results.push(ok({ created: false, entry: known })); continue; }
    const refusal = closedReason(item, input.now, meta);
    if (refusal) { out.results.push(refusal); continue; }
    const settled = settleWallet(out.touchedWallets.get(item.shopperId) ?? input.wallets.get(item.shopperId)!, input.outcomes, item.dropId);
    let built: ReturnType<typeof buildEntry>;
    try {
      built = buildEntry(item, settled, input.now);
    } catch (e) {
      // A bad item must never throw inside a durable handler (Restate would retry it for ever).
      out.results.push(fail('validation_failed', e instanceof Error ? e.message : String(e)));
      continue;
    }
    const { entry, wallet } = built;
    appendRow(input, out, meta, item.dropId, [entry.entryId, entry.weight, entry.tickets, entry.shopperId, entry.registeredAt]);
    meta.tickets += entry.tickets;
    meta.weight += entry.weight;
    out.newEntries.set(key, entry);
    out.touchedWallets.set(item.shopperId, wallet);
    out.touchedDrops.add(item.dropId);
    out.results.push(ok({ created: true, entry }));
  }
  return out;
}

function appendRow(input: BatchInput, out: BatchOutput, meta: LedgerMeta, dropId: string, row: PageRow): void {
  let page = input.pages.get(dropId)!;
  if (meta.pages === 0 || page.length >= PAGE_SIZE) {
    page = [];
    meta.pages += 1;
    input.pages.set(dropId, page);
  }
  page.push(row);
  meta.tail = page;
  meta.count += 1;
  out.writtenPages.set(`${dropId}:${meta.pages - 1}`, page);
}
