/** A shopper's own entry and outcome, shared by GET …/entries/me and the SSE stream. */
import { standingFromRecord } from '../core/drop.js';
import { holderKey, ledgerKey } from '../core/ids.js';
import type { StoredEntry } from '../core/model.js';
import type { EntryState } from '../bus/bus.js';
import type { DropInfo, Services } from './services.js';

export interface MyEntryState { entry: StoredEntry | null; state: (EntryState & { version?: number }) | null; credits: number; creditsEarned?: number }

export async function myEntry(services: Services, info: DropInfo, shopperId: string, shard: number): Promise<MyEntryState> {
  const { config, drop } = info;
  const [entry, standing] = await Promise.all([
    services.entry(config.merchantId, shard, config.id, shopperId),
    services.restate.call<{ tier: string | null; credits: number }>('ledger', ledgerKey(config.merchantId, shard), 'standing', shopperId),
  ]);
  if (!entry) return { entry: null, state: null, credits: standing.credits };
  const rec = drop.draw ? await services.record(config.id) : null;
  if (!rec) return { entry, state: { entryId: entry.entryId, status: 'registered', version: 0 }, credits: standing.credits };
  const s = standingFromRecord(entry.entryId, rec, drop.phase);
  const state: EntryState & { version?: number } = { entryId: entry.entryId, status: s.status, version: 0 };
  if (s.backupPosition) state.backupPosition = s.backupPosition;
  if (s.holder) {
    const h = await services.restate.call<(EntryState & { version: number }) | null>('holder', holderKey(config.id, entry.entryId), 'get');
    if (h) Object.assign(state, h);
  }
  const out: MyEntryState = { entry, state, credits: standing.credits };
  if (s.status === 'lost' && config.rollover.enabled) out.creditsEarned = Math.min(entry.breakdown.paid, config.rollover.cap);
  return out;
}
