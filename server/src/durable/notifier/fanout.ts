/**
 * One step of a background notice job: read one page (64 entries or watchers), queue each notice
 * (and each `entry.lost` webhook) with its own durable delay so they go out evenly at the
 * merchant's rate, move the cursor, and come back when the page's time is used up. Every step is
 * a Restate invocation, so a restart resumes at the page it was on; mailboxes make repeats harmless.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext } from '@restatedev/restate-sdk';
import { ledgerKey, shardOfEntryId } from '../../core/ids.js';
import { recipientKey } from '../../core/notices/links.js';
import { all } from '../state.js';
import { notifierDeps } from './deps.js';
import { NO_RECIPIENT_STATE } from './recipient.object.js';
import { creditsEarned, type Contact } from '../../core/notices/kinds.js';
import { advance, pace } from '../../core/notices/pacing.js';
import type { StoredEmailSettings } from '../../core/notices/settings.js';
import { sends } from '../../core/notices/settings.js';
import type { Job } from './jobs.js';
import { ledger as ledgerApi, webhooks as webhooksApi } from '../api.js';
import { mailbox as mailboxApi, type RecipientState } from './api.js';
const PAGE = 64;
const later = <I>(ms: number) => restate.rpc.sendOpts<I>({ delay: { milliseconds: ms } });

export interface Target { id: string; shopperId?: string; paid: number; contact: Contact | null }
export interface StepEnv { merchantId: string; settings: StoredEmailSettings | null; rate: number; lostWebhooks: boolean; now: number }

async function pageOf(ctx: ObjectContext, env: StepEnv, job: Job): Promise<{ targets: Target[]; pages: number }> {
  if (job.source === 'watchers') {
    const pages = (await ctx.get<{ pages: number }>(`wm:${job.dropId}`))?.pages ?? 0;
    const rows = (await ctx.get<Array<{ id: string; contact: Contact }>>(`w:${job.dropId}:${job.cursor.page}`)) ?? [];
    return { pages, targets: rows.map((r) => ({ id: r.id, paid: 0, contact: r.contact })) };
  }
  if (job.source === 'list') {
    const ids = (await ctx.get<string[]>(`l:${job.id}`)) ?? [];
    const slice = ids.slice(job.cursor.page * PAGE, (job.cursor.page + 1) * PAGE);
    const byShard = new Map<number, string[]>();
    for (const id of slice) byShard.set(shardOfEntryId(id), [...(byShard.get(shardOfEntryId(id)) ?? []), id]);
    const got = await all([...byShard].map(([shard, entryIds]) => ctx.objectClient(ledgerApi, ledgerKey(env.merchantId, shard)).contactsOf({ dropId: job.dropId, entryIds })));
    return { pages: Math.ceil(ids.length / PAGE), targets: got.flat().map((row) => ({ id: row.entryId, ...(row.shopperId ? { shopperId: row.shopperId } : {}), paid: row.paid, contact: row.contact })) };
  }
  const r = await ctx.objectClient(ledgerApi, ledgerKey(env.merchantId, job.cursor.shard)).contactPage({ dropId: job.dropId, page: job.cursor.page });
  return { pages: r.pages, targets: r.rows.map((row) => ({ id: row.entryId, shopperId: row.shopperId, paid: row.paid, contact: row.contact })) };
}

/** Process one page of `job`; returns how long to wait before the next step. */
export async function stepJob(ctx: ObjectContext, env: StepEnv, job: Job, exclude: Set<string>): Promise<number> {
  const email = sends(env.settings, job.kind);
  const hooks = job.kind === 'lost' && env.lostWebhooks;
  if (!email && !hooks) { Object.assign(job, { status: 'done', finishedAt: env.now }); return 0; }
  const { targets, pages } = await pageOf(ctx, env, job);
  const chosen = targets.filter((t) => !exclude.has(t.id) && ((email && t.contact) || hooks));
  const { offsets, nextAt, waitMs } = pace(env.now, job.nextAt, chosen.length, env.rate);
  job.nextAt = nextAt;
  // Unsubscribed / confirmed, read here for the whole page (local state), so each notice needs no call.
  const secret = notifierDeps().serverSecret;
  const states = email ? await all(chosen.map((t) => ctx.get<RecipientState>(`r:${t.contact ? recipientKey(secret, env.merchantId, t.contact.email) : '-'}`))) : [];
  chosen.forEach((t, i) => {
    const credits = job.kind === 'lost' ? creditsEarned(t.paid, job.drop.rollover) : undefined;
    if (email && t.contact) {
      ctx.objectSendClient(mailboxApi, `${job.dropId}:${t.id}`).notify({ kind: job.kind, merchantId: env.merchantId, dropId: job.dropId, contact: t.contact, drop: job.drop, settings: env.settings, recipient: states[i] ?? NO_RECIPIENT_STATE, at: env.now + offsets[i]!, ...(credits !== undefined ? { credits } : {}) }, later(offsets[i]!));
    }
    if (hooks) {
      const data = { entryId: t.id, ...(t.shopperId?.startsWith('c_') ? { customerId: t.shopperId.slice(2) } : {}), rolloverCreditsEarned: credits ?? 0 };
      ctx.serviceSendClient(webhooksApi).dispatch({ merchantId: env.merchantId, event: { id: `${job.dropId}.entry.lost.${t.id}`, type: 'entry.lost', createdAt: new Date(env.now).toISOString(), dropId: job.dropId, data } }, later(offsets[i]!));
    }
  });
  job.processed += targets.length;
  job.dispatched += chosen.length;
  const next = advance(job.cursor, pages, job.source === 'shards' ? job.shards : 1);
  if (next) job.cursor = next;
  else Object.assign(job, { status: 'done', finishedAt: env.now });
  return waitMs;
}
