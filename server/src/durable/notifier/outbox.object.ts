/**
 * Outbox: one per merchant. Holds the merchant's email settings (SMTP password sealed), turns
 * registration batches into `entered` notices and `entry.created` webhooks, keeps the drops'
 * watchers, and runs the background notice jobs one page at a time at the merchant's rate — one
 * queue per merchant, so the rate holds across all its drops. Winners' notices never wait here.
 */
import * as restate from '@restatedev/restate-sdk';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import type { Contact } from '../../core/notices/kinds.js';
import { sends, type StoredEmailSettings } from '../../core/notices/settings.js';
import { notifierDeps } from './deps.js';
import { jobId, jobView, newJob, ready, type Job, type JobSpec } from './jobs.js';
import { stepJob } from './fanout.js';
import { NO_RECIPIENT_STATE } from './recipient.object.js';
import { merchant as merchantApi, webhooks as webhooksApi } from '../api.js';
import { mailbox as mailboxApi, outbox as outboxApi, recipient as recipientApi, type EnteredItem, type OutboxHandlers, type RecipientState, type WatchInput } from './api.js';
const later = <I>(ms: number) => restate.rpc.sendOpts<I>({ delay: { milliseconds: Math.max(0, ms) } });
const PAGE = 64;
/** "Registration opens soon" goes out this long before the opening (or at once when it is nearer). */
export const OPENING_LEAD_MS = 15 * 60_000;


const wants = (m: { webhooks: Array<{ events: string[] }> } | null, type: string) => !!m?.webhooks.some((w) => !w.events.length || w.events.includes(type));

async function enqueue(ctx: ObjectContext, spec: JobSpec): Promise<void> {
  const id = jobId(spec.dropId, spec.kind, spec.suffix);
  if (await ctx.get<Job>(`job:${id}`)) return;
  ctx.set(`job:${id}`, newJob(spec, await ctx.date.now()));
  if (spec.exclude?.length) ctx.set(`x:${id}`, spec.exclude);
  if (spec.list?.length) ctx.set(`l:${id}`, spec.list);
  const of = (await ctx.get<string[]>(`jobsOf:${spec.dropId}`)) ?? [];
  ctx.set(`jobsOf:${spec.dropId}`, [...of, id]);
  ctx.set('queue', [...((await ctx.get<string[]>('queue')) ?? []), id]);
  if (!(await ctx.get<boolean>('stepping'))) {
    ctx.set('stepping', true);
    ctx.objectSendClient(outboxApi, ctx.key).step();
  }
}

export const outbox = restate.object({
  name: 'outbox',
  options: { enableLazyState: true },
  handlers: {
    settings: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => ctx.get<StoredEmailSettings>('settings')),
    putSettings: async (ctx: ObjectContext, s: StoredEmailSettings) => { ctx.set('settings', s); return s; },
    clearSettings: async (ctx: ObjectContext) => { ctx.clear('settings'); },

    /** A ledger shard's new entries (one send per registration batch). */
    entered: restate.handlers.object.shared(async (ctx: ObjectSharedContext, input: { items: EnteredItem[] }) => {
      const email = sends(await ctx.get<StoredEmailSettings>('settings'), 'entered');
      const now = new Date(await ctx.date.now()).toISOString();
      for (const it of input.items) {
        if (email && it.contact) ctx.objectSendClient(mailboxApi, `${it.dropId}:${it.entryId}`).notify({ kind: 'entered', merchantId: ctx.key, dropId: it.dropId, contact: it.contact });
        if (it.announce) {
          const data = { entryId: it.entryId, ...(it.shopperId.startsWith('c_') ? { customerId: it.shopperId.slice(2) } : {}), tickets: it.tickets, weight: it.weight };
          ctx.serviceSendClient(webhooksApi).dispatch({ merchantId: ctx.key, event: { id: `${it.dropId}.entry.created.${it.entryId}`, type: 'entry.created', createdAt: now, dropId: it.dropId, data } });
        }
      }
    }),

    enqueue: async (ctx: ObjectContext, spec: JobSpec) => enqueue(ctx, spec),

    /** Whether an address (recipient key) unsubscribed or confirmed, for this merchant only. */
    recipient: restate.handlers.object.shared(async (ctx: ObjectSharedContext, rkey: string) => (await ctx.get<RecipientState>(`r:${rkey}`)) ?? NO_RECIPIENT_STATE),
    unsubscribe: async (ctx: ObjectContext, rkey: string) => { ctx.set(`r:${rkey}`, { ...((await ctx.get<RecipientState>(`r:${rkey}`)) ?? NO_RECIPIENT_STATE), unsubscribed: true }); },
    /** The confirmation link; confirming also resubscribes (the shopper asked again). */
    confirm: async (ctx: ObjectContext, rkey: string) => { ctx.set(`r:${rkey}`, { unsubscribed: false, confirmed: true }); },

    winnerDone: async (ctx: ObjectContext, dropId: string) => { ctx.set(`wd:${dropId}`, ((await ctx.get<number>(`wd:${dropId}`)) ?? 0) + 1); },

    /** Remember a watcher (once) and set the drop's "opens soon" timer when it is the first. */
    watch: async (ctx: ObjectContext, input: WatchInput): Promise<boolean> => {
      const seen = `wk:${input.dropId}:${input.watcherId}`;
      if (await ctx.get<boolean>(seen)) return false;
      ctx.set(seen, true);
      const meta = (await ctx.get<{ count: number; pages: number }>(`wm:${input.dropId}`)) ?? { count: 0, pages: 0 };
      const page = Math.floor(meta.count / PAGE);
      const rows = page < meta.pages ? ((await ctx.get<Array<{ id: string; contact: Contact }>>(`w:${input.dropId}:${page}`)) ?? []) : [];
      ctx.set(`w:${input.dropId}:${page}`, [...rows, { id: input.watcherId, contact: input.contact }]);
      ctx.set(`wm:${input.dropId}`, { count: meta.count + 1, pages: Math.max(meta.pages, page + 1) });
      if (!input.contact.vouched) ctx.objectSendClient(recipientApi, input.rkey).requestConfirm({ merchantId: ctx.key, dropId: input.dropId, dropName: input.dropName, contact: input.contact });
      if (meta.count === 0) {
        const spec: JobSpec = { dropId: input.dropId, kind: 'opening_soon', source: 'watchers', shards: 1, drop: input.drop };
        ctx.objectSendClient(outboxApi, ctx.key).enqueue(spec, later(input.opensAt - OPENING_LEAD_MS - (await ctx.date.now())));
      }
      return true;
    },

    /** One page of the first ready job; reschedules itself while there is work. */
    step: async (ctx: ObjectContext) => {
      const queue = (await ctx.get<string[]>('queue')) ?? [];
      if (!queue.length) { ctx.set('stepping', false); return; }
      const now = await ctx.date.now();
      let job: Job | null = null;
      for (const id of queue) {
        const j = (await ctx.get<Job>(`job:${id}`))!;
        if (ready(j, (await ctx.get<number>(`wd:${j.dropId}`)) ?? 0, now)) { job = j; break; }
      }
      if (!job) { ctx.objectSendClient(outboxApi, ctx.key).step(later(500)); return; }
      if (job.status === 'waiting') Object.assign(job, { status: 'running', startedAt: now });
      const settings = await ctx.get<StoredEmailSettings>('settings');
      const merchant = job.kind === 'lost' ? await ctx.objectClient(merchantApi, ctx.key).get() : null;
      const exclude = new Set((await ctx.get<string[]>(`x:${job.id}`)) ?? []);
      const env = { merchantId: ctx.key, settings, rate: settings?.ratePerSecond ?? notifierDeps().defaultRate, lostWebhooks: wants(merchant, 'entry.lost'), now };
      const wait = await stepJob(ctx, env, job, exclude);
      ctx.set(`job:${job.id}`, job);
      if (job.status === 'done') { ctx.set('queue', queue.filter((id) => id !== job!.id)); ctx.clear(`x:${job.id}`); ctx.clear(`l:${job.id}`); }
      ctx.objectSendClient(outboxApi, ctx.key).step(later(wait));
    },

    jobs: restate.handlers.object.shared(async (ctx: ObjectSharedContext, dropId: string) => {
      const ids = (await ctx.get<string[]>(`jobsOf:${dropId}`)) ?? [];
      const jobs: Job[] = [];
      for (const id of ids) { const j = await ctx.get<Job>(`job:${id}`); if (j) jobs.push(j); }
      return jobs.map(jobView);
    }),
  } satisfies OutboxHandlers,
});
