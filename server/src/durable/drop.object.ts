/**
 * Drop: config, phase, commitment, counters and the draw record. Durable timers open and close
 * registration. The close runs in three steps, each resumable from state: close (seal the shards),
 * draw (once, from the sealed entries), offer (one holder per slot). A drop with a drand beacon
 * (DRAW-SPEC §4.1) waits between close and draw for its committed round: a durable timer to the
 * round's time, then fetchBeacon, retried with backoff until a relay serves a valid signature. Holders report purchases and
 * expiries back; backups are promoted until every slot is final.
 */
import * as restate from '@restatedev/restate-sdk';
import { all } from './state.js';
import type { ObjectContext, ObjectSharedContext } from '@restatedev/restate-sdk';
import { randomBytes } from 'node:crypto';
import { runDraw, commitmentOf, fromHex, toHex, DrawInputError, beaconRoundFor, beaconSourceOf, roundTime } from '@fairdrop/sdk/draw';
import type { Counts, DropConfig, Phase, Slot, DrawRecord } from '../core/model.js';
import { publicView, totalCounts, promoteAfterExpiry, drawSummary, type DropView } from '../core/drop.js';
import { ledgerKey, entryKey, shardOfEntryId } from '../core/ids.js';
import { parseEntryLines } from '../core/ledger.js';
import { noticesAfterDraw, noticesOnCancel, noticesOnFinish } from './notifier/hooks.js';
import { fail, ok } from '../core/errors.js';
import { afterFailure } from '../core/beacon.js';
import { publishDrop, sendWebhook } from './publish.js';
import { durableDeps } from './deps.js';
import { fetchRound } from './drand-relays.js';
import { drop, holder, ledger, merchant, type DropHandlers, type DropInit, type DropState, type SlotOutcome } from './api.js';

type Ctx = ObjectContext<DropState>;
type ReadCtx = Ctx | ObjectSharedContext<DropState>;
const after = (ms: number) => restate.rpc.sendOpts({ delay: { milliseconds: Math.max(0, ms) } });
const isOpen = (phase: Phase | null) => phase === 'scheduled' || phase === 'registration';

async function view(ctx: ReadCtx): Promise<DropView | null> {
  const [config, phase, version, counts, purchased, summary, beacon] = await all([
    ctx.get('config'), ctx.get('phase'), ctx.get('version'), ctx.get('counts'), ctx.get('purchased'), ctx.get('summary'), ctx.get('beacon'),
  ]);
  if (!config || !phase) return null;
  return { config, phase, version: version ?? 0, counts: totalCounts(counts ?? {}), purchased: purchased ?? 0, summary, beacon };
}

/** Bump the version, publish the public state, and return it. */
async function announce(ctx: Ctx, reason: 'phase' | 'counts' | 'draw' | 'purchase' | 'promotion') {
  const version = ((await ctx.get('version')) ?? 0) + 1;
  ctx.set('version', version);
  const v = (await view(ctx))!;
  const pub = publicView({ ...v, version }, await ctx.date.now());
  await publishDrop(ctx, v.config.merchantId, reason, pub);
  return pub;
}

async function setPhase(ctx: Ctx, config: DropConfig, phase: Phase, hook: Parameters<typeof sendWebhook>[2] | null) {
  ctx.set('phase', phase);
  const now = await ctx.date.now();
  if (hook) sendWebhook(ctx, config.merchantId, hook, config.id, `${config.id}.${hook}`, { phase }, now);
  await announce(ctx, 'phase');
}

const sealShards = (ctx: Ctx, config: DropConfig) =>
  all(Array.from({ length: config.shards }, (_, s) => ctx.objectClient(ledger, ledgerKey(config.merchantId, s)).seal(config.id)));

/**
 * Step 1: registration ends; every shard is sealed and its final counts kept. Then the draw, as
 * its own invocation — at once, or, with a beacon, when the committed round is produced (closing
 * early never moves the round).
 */
async function closeStep(ctx: Ctx, config: DropConfig): Promise<void> {
  if (config.beaconRound !== undefined) ctx.set('beacon', { round: config.beaconRound, expectedAt: config.beaconAt!, state: 'waiting', attempts: 0 });
  await setPhase(ctx, config, 'closed', 'drop.closed');
  const sealed = await sealShards(ctx, config);
  const counts: Record<string, Counts> = {};
  sealed.forEach((s, i) => { counts[i] = s.counts; });
  ctx.set('counts', counts);
  if (config.beaconRound === undefined) ctx.objectSendClient(drop, ctx.key).draw();
  else ctx.objectSendClient(drop, ctx.key).fetchBeacon(after(config.beaconAt! - (await ctx.date.now())));
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

/** Step 2: the draw, once, over the sealed shards' entries (and the round's signature); the record is stored and summarised. */
async function drawStep(ctx: Ctx, config: DropConfig, signature: string | undefined): Promise<DrawRecord> {
  const lines = await all(Array.from({ length: config.shards }, (_, s) => ctx.objectClient(ledger, ledgerKey(config.merchantId, s)).lines(config.id)));
  const secret = (await ctx.get('secret'))!;
  const drawnAt = await ctx.date.now();
  const record = await ctx.run('draw', () => {
    const entries = lines.flatMap(parseEntryLines);
    const beacon = signature !== undefined
      ? { beaconSource: config.beaconSource, beaconRound: config.beaconRound!, beaconSignature: signature }
      : { beacon: '', beaconSource: null };
    const r = drawOrStop({ dropId: config.id, secret, inventory: config.inventory, backupCount: config.backupCount, entries, closesAt: new Date(config.closesAt).toISOString(), ...beacon });
    return { ...r.record, seed: r.seed, drawnAt: new Date(drawnAt).toISOString() } as DrawRecord;
  });
  ctx.set('draw', record);
  ctx.set('summary', drawSummary(record, drawnAt));
  return record;
}

/** Who is behind the winners and backups (for the slot webhooks): one read per shard that holds any. */
async function slotShoppers(ctx: Ctx, config: DropConfig, entryIds: string[]): Promise<Record<string, string>> {
  const byShard = new Map<number, string[]>();
  for (const id of entryIds) byShard.set(shardOfEntryId(id), [...(byShard.get(shardOfEntryId(id)) ?? []), id]);
  const found = await all([...byShard].map(([s, ids]) => ctx.objectClient(ledger, ledgerKey(config.merchantId, s)).shoppersOf({ dropId: config.id, entryIds: ids })));
  return Object.assign({}, ...found) as Record<string, string>;
}

/** Step 3: one holder per slot (one key per slot and per backup: each purchase or expiry is O(1) state). */
async function offerStep(ctx: Ctx, config: DropConfig, record: DrawRecord): Promise<void> {
  const drawnAt = Date.parse(record.drawnAt!);
  const deadline = drawnAt + config.purchaseWindowSeconds * 1000;
  const shoppers = await slotShoppers(ctx, config, [...record.winners, ...record.backups]);
  const revealAnonymous = !!config.anonymousIdsInWebhooks;
  record.winners.forEach((entryId, slot) => {
    ctx.set(`slot:${slot}`, { entryId, status: 'offered', deadline } satisfies Slot);
    ctx.objectSendClient(holder, entryKey(config.id, entryId)).offer({ dropId: config.id, merchantId: config.merchantId, entryId, slot, deadline, promoted: false, shopperId: shoppers[entryId], revealAnonymous });
  });
  record.backups.forEach((entryId, i) => {
    ctx.set(`backup:${i}`, entryId);
    if (shoppers[entryId]) ctx.set(`shopper:${entryId}`, shoppers[entryId]);
  });
  ctx.set('open', record.winners.length);
  ctx.set('backupsPromoted', 0);
  noticesAfterDraw(ctx, config, record, drawnAt);
  sendWebhook(ctx, config.merchantId, 'draw.completed', config.id, `${config.id}.draw.completed`, { root: record.root, entryCount: record.entryCount, winners: record.winners.length, backups: record.backups.length }, drawnAt);
  ctx.set('phase', record.winners.length ? 'purchase' : 'completed');
  await announce(ctx, 'draw');
  if (!record.winners.length) await finish(ctx, config);
}

/**
 * Steps 2 and 3 for a closed drop not drawn yet; the stored record otherwise. Null while a drop
 * with a beacon has not received its round: it never draws without it.
 */
async function drawAndOffer(ctx: Ctx, config: DropConfig): Promise<DrawRecord | null> {
  const existing = await ctx.get('draw');
  if (existing) return existing;
  const beacon = config.beaconRound !== undefined ? await ctx.get('beacon') : null;
  if (beacon !== null && beacon?.signature === undefined) return null;
  const record = await drawStep(ctx, config, beacon?.signature);
  await offerStep(ctx, config, record);
  return record;
}

/**
 * The beacon timer: fetch the committed round from the relays (only a signature that verifies is
 * accepted), then draw; if none answers, say so publicly and try again with backoff.
 */
async function fetchBeacon(ctx: Ctx): Promise<void> {
  const [config, phase, b, drawn] = await all([ctx.get('config'), ctx.get('phase'), ctx.get('beacon'), ctx.get('draw')]);
  if (!config || phase !== 'closed' || !b || drawn || config.beaconRound === undefined) return;
  if (b.signature === undefined) {
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
      ctx.objectSendClient(drop, ctx.key).fetchBeacon(after(next.nextAttemptAt! - now));
      await announce(ctx, 'phase');
      return;
    }
    ctx.set('beacon', { round: b.round, expectedAt: b.expectedAt, state: 'received', attempts: b.attempts + 1, signature: got.signature });
  }
  await drawAndOffer(ctx, config);
}

/** Every slot is final: complete, and tell each shard which of its entries held a slot. */
async function finish(ctx: Ctx, config: DropConfig) {
  const [record, promoted] = await all([ctx.get('draw'), ctx.get('backupsPromoted')]);
  const kept = [...record!.winners, ...record!.backups.slice(0, promoted ?? 0)];
  const byShard = new Map<number, string[]>();
  for (const id of kept) byShard.set(shardOfEntryId(id), [...(byShard.get(shardOfEntryId(id)) ?? []), id]);
  for (let s = 0; s < config.shards; s++) ctx.objectSendClient(ledger, ledgerKey(config.merchantId, s)).recordOutcome({ dropId: config.id, kept: byShard.get(s) ?? [] });
  noticesOnFinish(ctx, config, record!.backups.slice(promoted ?? 0));
  await setPhase(ctx, config, 'completed', 'drop.completed');
}

/** A slot's offer expired: the next backup gets it, or it stays unfilled. Returns whether it is still open. */
async function promoteNext(ctx: Ctx, config: DropConfig, slotNo: number, slot: Slot): Promise<boolean> {
  const promoted = (await ctx.get('backupsPromoted')) ?? 0;
  const p = promoteAfterExpiry(slot, await ctx.get(`backup:${promoted}`), promoted, await ctx.date.now(), config.purchaseWindowSeconds * 1000);
  ctx.set(`slot:${slotNo}`, p.slot);
  ctx.set('backupsPromoted', p.backupsPromoted);
  const summary = (await ctx.get('summary'))!;
  ctx.set('summary', { ...summary, backupsPromoted: p.backupsPromoted });
  if (p.promoted) {
    const shopperId = (await ctx.get(`shopper:${p.promoted}`)) ?? undefined;
    ctx.objectSendClient(holder, entryKey(config.id, p.promoted)).offer({ dropId: config.id, merchantId: config.merchantId, entryId: p.promoted, slot: slotNo, deadline: p.slot.deadline, promoted: true, shopperId, revealAnonymous: !!config.anonymousIdsInWebhooks });
  }
  return !!p.promoted;
}

export const dropObject = restate.object({
  name: 'drop',
  options: { enableLazyState: true },
  handlers: {
    create: async (ctx: Ctx, init: DropInit) => {
      if (await ctx.get('config')) return publicView((await view(ctx))!, await ctx.date.now());
      const secret = await ctx.run('secret', () => randomBytes(32).toString('hex'));
      const now = await ctx.date.now();
      const { beacon, ...settings } = init;
      const config: DropConfig = { ...settings, id: ctx.key, commitment: toHex(commitmentOf(fromHex(secret))), createdAt: now, beaconSource: '' };
      if (beacon === 'drand') {
        // DRAW-SPEC §4.1: fixed now, published with the commitment — the first round after the scheduled close.
        Object.assign(config, await ctx.run('beacon round', () => {
          const { chain } = durableDeps().drand;
          const round = beaconRoundFor(chain, init.closesAt);
          return { beaconSource: beaconSourceOf(chain), beaconRound: round, beaconAt: roundTime(chain, round) * 1000 };
        }));
      }
      ctx.set('config', config);
      ctx.set('secret', secret);
      ctx.set('phase', 'scheduled');
      ctx.objectSendClient(merchant, config.merchantId).addDrop(config.id);
      ctx.objectSendClient(drop, ctx.key).open(after(config.opensAt - now));
      ctx.objectSendClient(drop, ctx.key).close(after(config.closesAt - now));
      return announce(ctx, 'phase');
    },

    open: async (ctx: Ctx) => {
      const config = await ctx.get('config');
      if (!config || (await ctx.get('phase')) !== 'scheduled') return;
      await setPhase(ctx, config, 'registration', 'drop.opened');
    },

    /** The closing timer; a no-op unless registration is still open. The draw follows as its own invocation. */
    close: async (ctx: Ctx) => {
      const config = await ctx.get('config');
      if (!config || !isOpen(await ctx.get('phase'))) return;
      await closeStep(ctx, config);
    },

    fetchBeacon: async (ctx: Ctx) => fetchBeacon(ctx),

    draw: async (ctx: Ctx) => {
      const config = await ctx.get('config');
      if (!config || (await ctx.get('phase')) !== 'closed') return;
      await drawAndOffer(ctx, config);
    },

    drawNow: async (ctx: Ctx) => {
      const config = await ctx.get('config');
      if (!config) return fail('drop_not_found', 'No drop with this id.');
      const phase = await ctx.get('phase');
      if (phase === 'cancelled') return fail('invalid_state', 'The drop was cancelled; there is nothing to draw.');
      if (isOpen(phase)) await closeStep(ctx, config);
      const record = await drawAndOffer(ctx, config);
      return ok(record ? { record } : { waiting: publicView((await view(ctx))!, await ctx.date.now()) });
    },

    cancel: async (ctx: Ctx) => {
      const config = await ctx.get('config');
      if (!config) return fail('drop_not_found', 'No drop with this id.');
      const phase = await ctx.get('phase');
      // Waiting for the beacon (closed, not drawn) may still be cancelled; the shards are sealed already.
      const waiting = phase === 'closed' && config.beaconRound !== undefined && !(await ctx.get('draw'));
      if (!isOpen(phase) && !waiting) return fail('invalid_state', `A drop in phase "${phase}" can no longer be cancelled.`);
      if (!waiting) await sealShards(ctx, config);
      // Rollover credits spent on this drop go back to their shoppers.
      for (let s = 0; s < config.shards; s++) ctx.objectSendClient(ledger, ledgerKey(config.merchantId, s)).recordOutcome({ dropId: config.id, kept: [], cancelled: true });
      await setPhase(ctx, config, 'cancelled', 'drop.cancelled');
      noticesOnCancel(ctx, config);
      return ok(null);
    },

    /** A shard's absolute counts (at most about once a second per shard). */
    reportCounts: async (ctx: Ctx, input: { shard: number; counts: Counts }) => {
      if (!isOpen(await ctx.get('phase'))) return;
      const counts = (await ctx.get('counts')) ?? {};
      const prev = counts[input.shard];
      if (prev && prev.entries >= input.counts.entries) return;
      counts[input.shard] = input.counts;
      ctx.set('counts', counts);
      await announce(ctx, 'counts');
    },

    /** A holder's slot was purchased or expired. Stale reports (slot moved on) are ignored. */
    slotResult: async (ctx: Ctx, input: { slot: number; entryId: string; outcome: SlotOutcome }) => {
      const [config, slot, open] = await all([ctx.get('config'), ctx.get(`slot:${input.slot}`), ctx.get('open')]);
      if (!config || !slot || slot.entryId !== input.entryId || slot.status !== 'offered') return;
      let stillOpen = open ?? 0;
      if (input.outcome === 'purchased') {
        ctx.set(`slot:${input.slot}`, { ...slot, status: 'purchased' });
        ctx.set('purchased', ((await ctx.get('purchased')) ?? 0) + 1);
        stillOpen -= 1;
      } else if (!(await promoteNext(ctx, config, input.slot, slot))) {
        stillOpen -= 1;
      }
      ctx.set('open', stillOpen);
      if (stillOpen === 0) return finish(ctx, config);
      await announce(ctx, input.outcome === 'purchased' ? 'purchase' : 'promotion');
    },

    get: restate.handlers.object.shared(async (ctx: ObjectSharedContext<DropState>) => {
      const v = await view(ctx);
      return v ? { merchantId: v.config.merchantId, config: v.config, drop: publicView(v, await ctx.date.now()) } : null;
    }),

    /** The draw record and how many backups have been promoted. */
    record: restate.handlers.object.shared(async (ctx: ObjectSharedContext<DropState>) => {
      const [record, promoted] = await all([ctx.get('draw'), ctx.get('backupsPromoted')]);
      return record ? { record, backupsPromoted: promoted ?? 0 } : null;
    }),
  } satisfies DropHandlers,
});
