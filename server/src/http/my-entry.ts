/** A shopper's own entry and outcome, shared by GET …/entries/me and the SSE stream. */
import { entryKey, ledgerKey } from '../core/ids.js';
import { creditsEarned, entryState, standingFromRecord, type VersionedEntryState } from '../core/standing.js';
import type { StoredEntry } from '../core/model.js';
import type { DropInfo, Services } from './services.js';

export interface MyEntryState { entry: StoredEntry | null; state: VersionedEntryState | null; credits: number; creditsEarned?: number }

export async function myEntry(services: Services, info: DropInfo, shopperId: string, shard: number): Promise<MyEntryState> {
  const { config, drop } = info;
  const [entry, wallet] = await Promise.all([
    services.entry(config.merchantId, shard, config.id, shopperId),
    services.durable.ledger(ledgerKey(config.merchantId, shard)).wallet(shopperId),
  ]);
  if (!entry) return { entry: null, state: null, credits: wallet.credits };
  const draw = drop.draw ? await services.record(config.id) : null;
  // Only a slot holder needs its holder's live state; everyone else is answered from the record.
  const held = draw && standingFromRecord(entry.entryId, draw, drop.phase).holder ? await services.durable.holder(entryKey(config.id, entry.entryId)).get() : null;
  const state = entryState(entry.entryId, draw, drop.phase, held);
  const earned = creditsEarned(state.status, entry.breakdown.paid, config.rollover);
  return { entry, state: draw ? { version: 0, ...state } : state, credits: wallet.credits, ...(earned !== undefined ? { creditsEarned: earned } : {}) };
}
