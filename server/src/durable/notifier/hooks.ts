/**
 * Where the drop's own objects hand work to the notices, each a one-way send (never a call the
 * caller waits for): a holder's offer and purchase, and the drop's draw and cancellation.
 */
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import type { DropConfig, DrawRecord } from '../../core/model.js';
import { mailbox as mailboxApi, outbox as outboxApi, type DropBrief } from './api.js';
/** The loser fan-out waits for the winners' notices, but never longer than this. */
export const WINNERS_FIRST_MAX_WAIT_MS = 120_000;

const briefOf = (c: DropConfig): DropBrief => ({ name: c.name, opensAt: c.opensAt, ...(c.checkoutUrl ? { checkoutUrl: c.checkoutUrl } : {}), rollover: c.rollover });

export function noticeOnOffer(ctx: Context, o: { dropId: string; merchantId: string; entryId: string; deadline: number; promoted: boolean }): void {
  ctx.objectSendClient(mailboxApi, `${o.dropId}:${o.entryId}`).notify({ kind: o.promoted ? 'promoted' : 'won', merchantId: o.merchantId, dropId: o.dropId, deadline: o.deadline, reportWinner: !o.promoted });
}

export function noticeOnPurchase(ctx: Context, dropId: string, entryId: string): void {
  ctx.objectSendClient(mailboxApi, `${dropId}:${entryId}`).cancelReminder();
}

/** After the draw: "not this time" for everyone neither winner nor backup, after the winners' notices. */
export function noticesAfterDraw(ctx: Context, config: DropConfig, record: DrawRecord, drawnAt: number): void {
  ctx.objectSendClient(outboxApi, config.merchantId).enqueue({
    dropId: config.id, kind: 'lost', source: 'shards', shards: config.shards, drop: briefOf(config),
    exclude: [...record.winners, ...record.backups], waitWinners: record.winners.length, startAfter: drawnAt + WINNERS_FIRST_MAX_WAIT_MS,
  });
}

/** At completion: the backups who were never promoted did not get a slot either. */
export function noticesOnFinish(ctx: Context, config: DropConfig, unpromoted: string[]): void {
  if (!unpromoted.length) return;
  ctx.objectSendClient(outboxApi, config.merchantId).enqueue({ dropId: config.id, kind: 'lost', suffix: 'backups', source: 'list', list: unpromoted, shards: config.shards, drop: briefOf(config) });
}

export function noticesOnCancel(ctx: Context, config: DropConfig): void {
  ctx.objectSendClient(outboxApi, config.merchantId).enqueue({ dropId: config.id, kind: 'cancelled', source: 'shards', shards: config.shards, drop: briefOf(config) });
}

