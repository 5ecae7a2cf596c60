/**
 * Where an entry stands — the one place that answers it, for GET …/entries/me, the SSE stream and
 * the holder's events. Losers and waiting backups are read from the draw record alone (no durable
 * work per entry); an entry that holds (or held) a purchase slot takes its live state from its holder.
 */
import type { DrawIndex, EntryState, Phase, Schemas } from './model.js';

export type EntryStatus = Schemas['EntryStatus'];
export interface Standing { status: EntryStatus; backupPosition?: number; holder: boolean }
/** Entry state with the version of the object that produced it (absent: read from the record). */
export type VersionedEntryState = EntryState & { version?: number };

/** From the record alone. `holder` says the entry has (or had) a purchase slot. */
export function standingFromRecord(entryId: string, draw: Pick<DrawIndex, 'winners' | 'backupIndex' | 'backupsPromoted'>, phase: Phase): Standing {
  if (draw.winners.has(entryId)) return { status: 'won', holder: true };
  const b = draw.backupIndex.get(entryId) ?? -1;
  if (b >= 0 && b < draw.backupsPromoted) return { status: 'promoted', holder: true };
  if (b >= 0 && phase !== 'completed') return { status: 'backup', backupPosition: b - draw.backupsPromoted + 1, holder: false };
  return { status: 'lost', holder: false };
}

/**
 * The state a shopper sees: `registered` before the draw; after it, the record's answer, replaced by
 * the holder's state when the entry holds a slot (`holder` is that state, when it was read).
 */
export function entryState(entryId: string, draw: Pick<DrawIndex, 'winners' | 'backupIndex' | 'backupsPromoted'> | null, phase: Phase, holder: VersionedEntryState | null): VersionedEntryState {
  if (!draw) return { entryId, status: 'registered', version: 0 };
  const s = standingFromRecord(entryId, draw, phase);
  if (s.holder && holder) return holder;
  return s.backupPosition ? { entryId, status: s.status, backupPosition: s.backupPosition } : { entryId, status: s.status };
}

/** A slot holder's state: `won` (or `promoted`) with its deadline while the offer stands, then `purchased` or `expired`. */
export function holderEntryState(h: { entryId: string; promoted: boolean; status: 'offered' | 'purchased' | 'expired'; deadline: number }): EntryState {
  if (h.status !== 'offered') return { entryId: h.entryId, status: h.status };
  return { entryId: h.entryId, status: h.promoted ? 'promoted' : 'won', purchaseDeadline: new Date(h.deadline).toISOString() };
}

/** Rollover credits a lost entry earned (shown before they settle into the wallet at the next registration). */
export function creditsEarned(status: EntryStatus, paidTickets: number, rollover: { enabled: boolean; cap: number }): number | undefined {
  return status === 'lost' && rollover.enabled ? Math.min(paidTickets, rollover.cap) : undefined;
}
