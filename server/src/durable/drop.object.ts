/**
 * Drop: config, phase, commitment, counters and the draw record. Durable timers open and close
 * registration; closing seals the ledger shards, runs the draw once, and offers the slots.
 * Holders report purchases and expiries back; backups are promoted until every slot is final.
 */
import * as restate from '@restatedev/restate-sdk';
import { all } from './state.js';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomBytes } from 'node:crypto';
import { runDraw, commitmentOf, fromHex, toHex, DrawInputError, beaconRoundFor, beaconSourceOf, roundTime } from '@fairdrop/sdk/draw';
import type { Counts, DropConfig, Phase, Slot, DrawState, DrawRecordView, PublicDrop } from '../core/model.js';
import { publicView, totalCounts, promoteAfterExpiry, type DrawSummary, type DropView } from '../core/drop.js';
import { ledgerKey, holderKey, shardOfEntryId } from '../core/ids.js';
import { parseEntryLines } from '../core/ledger.js';
import { fail, ok, type Outcome } from '../core/errors.js';
import { afterFailure, type BeaconState } from '../core/beacon.js';
import { durableDeps } from './deps.js';
import { fetchRound } from './drand-relays.js';
import { publishDrop, sendWebhook } from './publish.js';
import type { LedgerObject } from './ledger.object.js';
import type { HolderObject } from './holder.object.js';
import type { MerchantObject } from './merchant.object.js';

const ledgerApi = { name: 'ledger' } as LedgerObject;
const holderApi = { name: 'holder' } as HolderObject;
const merchantApi = { name: 'merchant' } as MerchantObject;
const after = (ms: number) => restate.rpc.sendOpts({ delay: { milliseconds: Math.max(0, ms) } });

type Ctx = ObjectContext | ObjectSharedContext;
export type DropInit = Omit<DropConfig, 'commitment' | 'createdAt' | 'beaconSource' | 'beaconRound' | 'beaconAt'> & { beacon: 'drand' | 'none' };
/** What drawNow answers: the record, or the public drop while it waits for its drand round. */
export type DrawNowResult = { record: DrawRecordView } | { waiting: PublicDrop };

async function view(ctx: Ctx): Promise<DropView | null> {
  const [config, phase, version, counts, purchased, summary, beacon] = await all([
    ctx.get<DropConfig>('config'), ctx.get<Phase>('phase'), ctx.get<number>('version'),
    ctx.get<Record<string, Counts>>('counts'), ctx.get<number>('purchased'), ctx.get<DrawSummary>('summary'), ctx.get<BeaconState>('beacon'),
  ]);
  if (!config || !phase) return null;
  return { config, phase, version: version ?? 0, counts: totalCounts(counts ?? {}), purchased: purchased ?? 0, summary, beacon };
}

/** Bump the version, publish the public state, and return it. */
async function announce(ctx: ObjectContext, reason: 'phase' | 'counts' | 'draw' | 'purchase' | 'promotion') {
  const version = ((await ctx.get<number>('version')) ?? 0) + 1;
  ctx.set('version', version);
  const v = (await view(ctx))!;
  const pub = publicView({ ...v, version }, await ctx.date.now());
  await publishDrop(ctx, v.config.merchantId, reason, pub);
  return pub;
}

async function setPhase(ctx: ObjectContext, config: DropConfig, phase: Phase, hook: Parameters<typeof sendWebhook>[2] | null) {
  ctx.set('phase', phase);
  const now = await ctx.date.now();
  if (hook) sendWebhook(ctx, config.merchantId, hook, config.id, `${config.id}.${hook}`, { phase }, now);
  await announce(ctx, 'phase');
}

/** A draw that cannot run on these inputs never will: stop instead of retrying for ever. */
function drawOrStop(input: Parameters<typeof runDraw>[0]) {
  try {
    return runDraw(input);
  } catch (e) {
    if (e instanceof DrawInputError) throw new restate.TerminalError(`draw input rejected: ${e.message}`);
    throw e;
  }
}

async function sealShards(ctx: ObjectContext, config: DropConfig) {
  return all(Array.from({ length: config.shards }, (_, s) => ctx.objectClient(ledgerApi, ledgerKey(config.merchantId, s)).seal(config.id)));
}

/**
 * Close registration and seal the shards. Without a beacon the draw runs now; with one, the drop
 * waits in `closed` for its committed round (a durable timer to when it is produced) — closing
 * early never changes the round. Returns the record, or null while waiting.
 */
async function close(ctx: ObjectContext, config: DropConfig): Promise<DrawRecordView | null> {
  if (config.beaconRound !== undefined) ctx.set('beacon', { round: config.beaconRound, expectedAt: config.beaconAt!, state: 'waiting', attempts: 0 } satisfies BeaconState);
  await setPhase(ctx, config, 'closed', 'drop.closed');
  const sealed = await sealShards(ctx, config);
  const counts: Record<string, Counts> = {};
  sealed.forEach((s, i) => { counts[i] = s.counts; });
  ctx.set('counts', counts);
  if (config.beaconRound === undefined) return draw(ctx, config, sealed.map((s) => s.lines), null);
  ctx.objectSendClient(dropApi, ctx.key).fetchBeacon(after(config.beaconAt! - (await ctx.date.now())));
  return null;
}

/** Run the draw once on the sealed entries (and the beacon's signature, if any), then offer the slots. */
async function draw(ctx: ObjectContext, config: DropConfig, lines: string[], beacon: { signature: string } | null): Promise<DrawRecordView> {
  const secret = (await ctx.get<string>('secret'))!;
  const drawnAt = await ctx.date.now();
  const record = await ctx.run('draw', () => {
    const entries = lines.flatMap((l) => parseEntryLines(l));
    const r = drawOrStop({
      dropId: config.id, secret, inventory: config.inventory, backupCount: config.backupCount, entries, closesAt: new Date(config.closesAt).toISOString(),
      ...(beacon ? { beaconSource: config.beaconSource, beaconRound: config.beaconRound!, beaconSignature: beacon.signature } : { beacon: '', beaconSource: null }),
    });
    return { ...r.record, seed: r.seed, drawnAt: new Date(drawnAt).toISOString() } as DrawRecordView;
  });
  ctx.set('draw', { record, drawnAt } satisfies DrawState);
  await offer(ctx, config, record, drawnAt);
  return record;
}

/** Offer a slot to each winner, remember the backups, announce; complete at once if nobody won. */
async function offer(ctx: ObjectContext, config: DropConfig, record: DrawRecordView, drawnAt: number): Promise<void> {
  ctx.set('summary', { root: record.root, entryCount: record.entryCount, totalWeight: record.totalWeight, winners: record.winners.length, backups: record.backups.length, backupsPromoted: 0, drawnAt } satisfies DrawSummary);
  const windowMs = config.purchaseWindowSeconds * 1000;
  // One key per slot and per backup, so each purchase or expiry touches O(1) state, not the lists.
  record.winners.forEach((entryId, slot) => {
    ctx.set(`slot:${slot}`, { entryId, status: 'offered', deadline: drawnAt + windowMs } satisfies Slot);
    ctx.objectSendClient(holderApi, holderKey(config.id, entryId)).offer({ dropId: config.id, merchantId: config.merchantId, slot, deadline: drawnAt + windowMs, promoted: false });
  });
  record.backups.forEach((entryId, i) => ctx.set(`backup:${i}`, entryId));
  ctx.set('open', record.winners.length);
  ctx.set('cursor', 0);
  sendWebhook(ctx, config.merchantId, 'draw.completed', config.id, `${config.id}.draw.completed`, { root: record.root, entryCount: record.entryCount, winners: record.winners.length, backups: record.backups.length }, drawnAt);
  ctx.set('phase', record.winners.length ? 'purchase' : 'completed');
  await announce(ctx, 'draw');
  if (!record.winners.length) await finish(ctx, config);
}

/**
 * The beacon timer: fetch the committed round from the relays (only a signature that verifies is
 * accepted), then draw; if none answers, say so publicly and try again with backoff. Never draws
 * without the round.
 */
async function fetchBeacon(ctx: ObjectContext): Promise<void> {
  const [config, phase, b, drawn] = await all([ctx.get<DropConfig>('config'), ctx.get<Phase>('phase'), ctx.get<BeaconState>('beacon'), ctx.get<DrawState>('draw')]);
  if (!config || phase !== 'closed' || !b || drawn || config.beaconRound === undefined) return;
  const got = await ctx.run('fetch beacon', async () => {
    const { drand, fetch, log } = durableDeps();
    if (beaconSourceOf(drand.chain) !== config.beaconSource) return { ok: false as const, error: `this server is configured for ${beaconSourceOf(drand.chain)}, but the drop committed to ${config.beaconSource}` };
    const r = await fetchRound(drand.chain, config.beaconRound!, drand.relays, fetch, drand.timeoutMs);
    if (!r.ok) log('drand round not available', { dropId: config.id, round: config.beaconRound, error: r.error });
    return r.ok ? { ok: true as const, signature: r.signature } : r;
  });
  const now = await ctx.date.now();
  if (!got.ok) {
    const { retryMs, retryMaxMs } = durableDeps().drand;
    const next = afterFailure(b, now, got.error, retryMs, retryMaxMs);
    ctx.set('beacon', next);
    ctx.objectSendClient(dropApi, ctx.key).fetchBeacon(after(next.nextAttemptAt! - now));
    await announce(ctx, 'phase');
    return;
  }
  ctx.set('beacon', { ...b, state: 'received', attempts: b.attempts + 1 } satisfies BeaconState);
  const lines = await all(Array.from({ length: config.shards }, (_, s) => ctx.objectClient(ledgerApi, ledgerKey(config.merchantId, s)).lines(config.id)));
  await draw(ctx, config, lines, got);
}

/** Every slot is final: complete, and tell each shard which of its entries held a slot. */
async function finish(ctx: ObjectContext, config: DropConfig) {
  const draw = (await ctx.get<DrawState>('draw'))!;
  const cursor = (await ctx.get<number>('cursor')) ?? 0;
  const kept = [...draw.record.winners, ...draw.record.backups.slice(0, cursor)];
  const byShard = new Map<number, string[]>();
  for (const id of kept) byShard.set(shardOfEntryId(id), [...(byShard.get(shardOfEntryId(id)) ?? []), id]);
  for (let s = 0; s < config.shards; s++) ctx.objectSendClient(ledgerApi, ledgerKey(config.merchantId, s)).settle({ dropId: config.id, kept: byShard.get(s) ?? [] });
  await setPhase(ctx, config, 'completed', 'drop.completed');
}

export const drop = restate.object({
  name: 'drop',
  options: { enableLazyState: true },
  handlers: {
    create: async (ctx: ObjectContext, init: DropInit) => {
      const existing = await ctx.get<DropConfig>('config');
      if (existing) return publicView((await view(ctx))!, await ctx.date.now());
      const secret = await ctx.run('secret', () => randomBytes(32).toString('hex'));
      const now = await ctx.date.now();
      const config: DropConfig = { ...init, id: ctx.key, commitment: toHex(commitmentOf(fromHex(secret))), createdAt: now, beaconSource: '' };
      if (init.beacon === 'drand') {
        // DRAW-SPEC §4.1: fixed now, published with the commitment — the first round after the scheduled close.
        Object.assign(config, await ctx.run('beacon round', () => {
          const { chain } = durableDeps().drand;
          const round = beaconRoundFor(chain, init.closesAt);
          return { beaconSource: beaconSourceOf(chain), beaconRound: round, beaconAt: roundTime(chain, round) * 1000 };
        }));
      }
      ctx.set('config', config);
      ctx.set('secret', secret);
      ctx.set('phase', 'scheduled' satisfies Phase);
      ctx.objectSendClient(merchantApi, config.merchantId).addDrop(config.id);
      ctx.objectSendClient(dropApi, ctx.key).open(after(config.opensAt - now));
      ctx.objectSendClient(dropApi, ctx.key).close(after(config.closesAt - now));
      return announce(ctx, 'phase');
    },

    open: async (ctx: ObjectContext) => {
      const config = await ctx.get<DropConfig>('config');
      if (!config || (await ctx.get<Phase>('phase')) !== 'scheduled') return;
      await setPhase(ctx, config, 'registration', 'drop.opened');
    },

    /** The closing timer; a no-op unless registration is still open. */
    close: async (ctx: ObjectContext) => {
      const config = await ctx.get<DropConfig>('config');
      const phase = await ctx.get<Phase>('phase');
      if (!config || (phase !== 'registration' && phase !== 'scheduled')) return;
      await close(ctx, config);
    },

    /** The drand round's timer and its retries (see fetchBeacon). */
    fetchBeacon: async (ctx: ObjectContext) => fetchBeacon(ctx),

    /**
     * Merchant override: close now and draw; returns the record (also when drawn already), or the
     * drop while it waits for its drand round (the round never moves earlier).
     */
    drawNow: async (ctx: ObjectContext): Promise<Outcome<DrawNowResult>> => {
      const config = await ctx.get<DropConfig>('config');
      if (!config) return fail('drop_not_found', 'No drop with this id.');
      const phase = await ctx.get<Phase>('phase');
      if (phase === 'cancelled') return fail('invalid_state', 'The drop was cancelled; there is nothing to draw.');
      const record = phase === 'registration' || phase === 'scheduled' ? await close(ctx, config) : (await ctx.get<DrawState>('draw'))?.record;
      return ok(record ? { record } : { waiting: publicView((await view(ctx))!, await ctx.date.now()) });
    },

    cancel: async (ctx: ObjectContext): Promise<Outcome<null>> => {
      const config = await ctx.get<DropConfig>('config');
      if (!config) return fail('drop_not_found', 'No drop with this id.');
      const phase = await ctx.get<Phase>('phase');
      // Waiting for the beacon (closed, not drawn) may still be cancelled; the shards are sealed already.
      const waiting = phase === 'closed' && !(await ctx.get<DrawState>('draw'));
      if (phase !== 'scheduled' && phase !== 'registration' && !waiting) return fail('invalid_state', `A drop in phase "${phase}" can no longer be cancelled.`);
      if (!waiting) await sealShards(ctx, config);
      // Rollover credits spent on this drop go back to their shoppers.
      for (let s = 0; s < config.shards; s++) ctx.objectSendClient(ledgerApi, ledgerKey(config.merchantId, s)).settle({ dropId: config.id, kept: [], cancelled: true });
      await setPhase(ctx, config, 'cancelled', 'drop.cancelled');
      return ok(null);
    },

    /** A shard's absolute counts (at most about once a second per shard). */
    reportCounts: async (ctx: ObjectContext, input: { shard: number; counts: Counts }) => {
      const phase = await ctx.get<Phase>('phase');
      if (phase !== 'registration' && phase !== 'scheduled') return;
      const counts = (await ctx.get<Record<string, Counts>>('counts')) ?? {};
      const prev = counts[input.shard];
      if (prev && prev.entries >= input.counts.entries) return;
      counts[input.shard] = input.counts;
      ctx.set('counts', counts);
      await announce(ctx, 'counts');
    },

    /** A holder's slot was purchased or expired. Stale reports (slot moved on) are ignored. */
    slotResult: async (ctx: ObjectContext, input: { slot: number; entryId: string; outcome: 'purchased' | 'expired' }) => {
      const key = `slot:${input.slot}`;
      const [config, slot, open] = await all([ctx.get<DropConfig>('config'), ctx.get<Slot>(key), ctx.get<number>('open')]);
      if (!config || !slot || slot.entryId !== input.entryId || slot.status !== 'offered') return;
      let stillOpen = open ?? 0;
      if (input.outcome === 'purchased') {
        ctx.set(key, { ...slot, status: 'purchased' } satisfies Slot);
        ctx.set('purchased', ((await ctx.get<number>('purchased')) ?? 0) + 1);
        stillOpen -= 1;
      } else {
        const cursor = (await ctx.get<number>('cursor')) ?? 0;
        const p = promoteAfterExpiry(slot, await ctx.get<string>(`backup:${cursor}`), cursor, await ctx.date.now(), config.purchaseWindowSeconds * 1000);
        ctx.set(key, p.slot);
        ctx.set('cursor', p.cursor);
        const summary = (await ctx.get<DrawSummary>('summary'))!;
        ctx.set('summary', { ...summary, backupsPromoted: p.cursor });
        if (p.promoted) ctx.objectSendClient(holderApi, holderKey(config.id, p.promoted)).offer({ dropId: config.id, merchantId: config.merchantId, slot: input.slot, deadline: p.slot.deadline, promoted: true });
        else stillOpen -= 1;
      }
      ctx.set('open', stillOpen);
      if (stillOpen === 0) return finish(ctx, config);
      await announce(ctx, input.outcome === 'purchased' ? 'purchase' : 'promotion');
    },

    get: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => {
      const v = await view(ctx);
      return v ? { merchantId: v.config.merchantId, config: v.config, drop: publicView(v, await ctx.date.now()) } : null;
    }),

    /** The draw record plus the backup cursor (how many backups have been promoted). */
    record: restate.handlers.object.shared(async (ctx: ObjectSharedContext) => {
      const [draw, cursor] = await all([ctx.get<DrawState>('draw'), ctx.get<number>('cursor')]);
      return draw ? { record: draw.record, cursor: cursor ?? 0 } : null;
    }),
  },
});

export type DropObject = typeof drop;
const dropApi = { name: 'drop' } as DropObject;
