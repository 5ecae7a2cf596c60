/**
 * The notice objects' durable boundary, named once (like ../api.ts): handler types, each object's
 * typed state and the `{ name }` handles callers use. Types only, plus the handles: no cycles.
 */
import type { ServiceDefinition, VirtualObjectDefinition } from '@restatedev/restate-sdk';
import type { Contact, NoticeKind, NoticeRecord } from '../../core/notices/kinds.js';
import type { StoredEmailSettings } from '../../core/notices/settings.js';
import type { DropBrief, JobSpec } from './jobs.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's client types match handlers against (arg: any, …)
type H<I, O> = [I] extends [void] ? (ctx: any) => Promise<O> : (ctx: any, input: I) => Promise<O>;

/** What a notice needs to know about its drop (sent along by fan-outs, looked up otherwise). */
export type { DropBrief } from './jobs.js';
export interface RecipientState { unsubscribed: boolean; confirmed: boolean }

export interface NotifyInput {
  kind: NoticeKind;
  merchantId: string;
  dropId: string;
  contact?: Contact;
  drop?: DropBrief;
  deadline?: number;
  credits?: number;
  /** The first winners report back, so the loser fan-out starts after their notices. */
  reportWinner?: boolean;
  /** Sent along by fan-outs (read once per page), so a notice needs no further call. */
  settings?: StoredEmailSettings | null;
  recipient?: RecipientState;
  /** When the notice is due (fan-outs know it), so the step needs no clock read of its own. */
  at?: number;
}

export interface EnteredItem { dropId: string; entryId: string; shopperId: string; tickets: number; weight: number; contact?: Contact; announce: boolean }
export interface WatchInput { dropId: string; dropName: string; opensAt: number; watcherId: string; contact: Contact; rkey: string; shards: number; drop: DropBrief }
export type JobView = ReturnType<typeof import('./jobs.js').jobView>;

// ---------------------------------------------------------------- outbox: merchantId
export interface OutboxHandlers {
  settings: H<void, StoredEmailSettings | null>;
  putSettings: H<StoredEmailSettings, StoredEmailSettings>;
  clearSettings: H<void, void>;
  /** A ledger shard's new entries (one send per registration batch). */
  entered: H<{ items: EnteredItem[] }, void>;
  enqueue: H<JobSpec, void>;
  recipient: H<string, RecipientState>;
  unsubscribe: H<string, void>;
  confirm: H<string, void>;
  winnerDone: H<string, void>;
  watch: H<WatchInput, boolean>;
  step: H<void, void>;
  jobs: H<string, JobView[]>;
}

// ---------------------------------------------------------------- mailbox: `${dropId}:${entryId or watcher id}`
export type NoticeListItem = NoticeRecord & { notice: NoticeKind };
export interface MailboxHandlers {
  notify: H<NotifyInput, NoticeRecord>;
  remind: H<NotifyInput, void>;
  cancelReminder: H<void, void>;
  list: H<void, NoticeListItem[]>;
}

// ---------------------------------------------------------------- recipient: recipientKey(…)
export interface RecipientHandlers {
  requestConfirm: H<{ merchantId: string; dropId: string; dropName: string; contact: Contact }, void>;
}

// ---------------------------------------------------------------- the ledger's contact handlers (part of LedgerHandlers)
/** A contact as the ledger stores it: the address plus paid tickets (→ rollover credits). */
export interface StoredContact extends Contact { paid: number }
/** One entry as the fan-out reads it. */
export interface ContactRow { entryId: string; shopperId: string; paid: number; contact: Contact | null }
export interface LedgerContactHandlers {
  contact: H<{ dropId: string; entryId: string }, Contact | null>;
  contactsOf: H<{ dropId: string; entryIds: string[] }, ContactRow[]>;
  contactPage: H<{ dropId: string; page: number }, { rows: ContactRow[]; pages: number }>;
}
export interface LedgerContactState { [contact: `c:${string}`]: StoredContact }

export const outbox: VirtualObjectDefinition<'outbox', OutboxHandlers> = { name: 'outbox' };
export const mailbox: VirtualObjectDefinition<'mailbox', MailboxHandlers> = { name: 'mailbox' };
export const recipient: VirtualObjectDefinition<'recipient', RecipientHandlers> = { name: 'recipient' };
