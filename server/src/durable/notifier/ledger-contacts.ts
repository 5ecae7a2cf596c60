/**
 * The notice side of a ledger shard: at registration it keeps each new entry's contact beside
 * the entry (one state key) and tells the merchant's outbox about the batch with ONE one-way send
 * (no extra durable call on the registration path); afterwards it hands contacts to the
 * notices, one entry or one page at a time.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import type { RegisterItem, RegisterResult } from '../../core/model.js';
import type { Contact } from '../../core/notices/kinds.js';
import { all } from '../state.js';
import { ledgerState, type LedgerState } from '../api.js';
import { outbox as outboxApi, type ContactRow, type EnteredItem, type LedgerContactHandlers, type StoredContact } from './api.js';

type Read = ObjectSharedContext<LedgerState>;

/** After a registration batch: store contacts of new entries, one batched send to the outbox. */
export function announceEntries(ctx: ObjectContext<LedgerState>, items: RegisterItem[], results: RegisterResult[]): void {
  const batch: EnteredItem[] = [];
  items.forEach((item, i) => {
    const r = results[i];
    if (!r?.ok || !r.value.created || (!item.contact && !item.announce)) return;
    const { entry } = r.value;
    if (item.contact) ctx.set(`c:${item.dropId}:${item.entryId}`, { ...item.contact, paid: entry.breakdown.paid } satisfies StoredContact);
    batch.push({ dropId: item.dropId, entryId: item.entryId, shopperId: item.shopperId, tickets: entry.tickets, weight: entry.weight, ...(item.contact ? { contact: item.contact } : {}), announce: !!item.announce });
  });
  if (batch.length) ctx.objectSendClient(outboxApi, ctx.key.slice(0, ctx.key.lastIndexOf(':'))).entered({ items: batch });
}

const strip = (c: StoredContact | null): Contact | null => {
  if (!c) return null;
  const { paid: _paid, ...contact } = c;
  return contact;
};

export const contactHandlers = {
  /** One entry's contact (winners' notices look it up by entry id). */
  contact: restate.handlers.object.shared(async (ctx: Read, input: { dropId: string; entryId: string }): Promise<Contact | null> =>
    strip(await ctx.get(`c:${input.dropId}:${input.entryId}`))),

  /** Some entries' contacts (the backups never promoted); the shopper is known only through a contact. */
  contactsOf: restate.handlers.object.shared(async (ctx: Read, input: { dropId: string; entryIds: string[] }): Promise<ContactRow[]> => {
    const got = await all(input.entryIds.map((e) => ctx.get(`c:${input.dropId}:${e}`)));
    return input.entryIds.map((entryId, i) => {
      const c = got[i] ?? null;
      return { entryId, shopperId: c?.customerId ? `c_${c.customerId}` : '', paid: c?.paid ?? 0, contact: strip(c) };
    });
  }),

  /** One page of a drop's entries with their contacts and paid tickets (≤ 64 rows, 2 reads each). */
  contactPage: restate.handlers.object.shared(async (ctx: Read, input: { dropId: string; page: number }): Promise<{ rows: ContactRow[]; pages: number }> => {
    const meta = await ctx.get(ledgerState.meta(input.dropId));
    if (!meta || input.page >= meta.pages) return { rows: [], pages: meta?.pages ?? 0 };
    const rows = (await ctx.get(ledgerState.page(input.dropId, input.page))) ?? [];
    const got = await all([
      ...rows.map((r) => ctx.get(`c:${input.dropId}:${r[0]}`)),
      ...rows.map((r) => ctx.get(ledgerState.entry(input.dropId, r[3]))),
    ] as Array<Promise<unknown>>);
    return {
      pages: meta.pages,
      rows: rows.map((r, i) => {
        const c = got[i] as StoredContact | null;
        const e = got[rows.length + i] as { breakdown: { paid: number } } | null;
        return { entryId: r[0], shopperId: r[3], paid: c?.paid ?? e?.breakdown.paid ?? 0, contact: strip(c) };
      }),
    };
  }),
} satisfies LedgerContactHandlers;
