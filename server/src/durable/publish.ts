/**
 * What the durable handlers tell the outside world: bus events inside ctx.run, so a replay never
 * repeats them (best effort; clients also poll), and webhooks as a durable one-way send to the
 * webhooks service (exactly once, retried there).
 */
import type { Context } from '@restatedev/restate-sdk';
import { subjects, type EntryState } from '../bus/bus.js';
import type { DropEvent } from '../bus/bus.js';
import type { PublicDrop } from '../core/model.js';
import { durableDeps } from './deps.js';
import { webhooks, type WebhookEventType } from './api.js';

export async function publishDrop(ctx: Context, merchantId: string, reason: DropEvent['reason'], drop: PublicDrop): Promise<void> {
  await ctx.run('publish drop', async () => {
    const { bus, log } = durableDeps();
    try {
      await bus.publish(subjects.drop(drop.id), { kind: 'drop', merchantId, reason, drop });
    } catch (e) {
      log('bus publish failed', { dropId: drop.id, error: String(e) });
    }
  });
}

export async function publishEntry(ctx: Context, dropId: string, version: number, entry: EntryState): Promise<void> {
  await ctx.run('publish entry', async () => {
    const { bus, log } = durableDeps();
    try {
      await bus.publish(subjects.entry(dropId, entry.entryId), { kind: 'entry', dropId, version, entry });
    } catch (e) {
      log('bus publish failed', { dropId, error: String(e) });
    }
  });
}

/** Queue a webhook event for the merchant; `id` is stable so receivers can dedupe. */
export function sendWebhook(ctx: Context, merchantId: string, type: WebhookEventType, dropId: string, id: string, data: Record<string, unknown>, at: number): void {
  ctx.serviceSendClient(webhooks).dispatch({ merchantId, event: { id, type, createdAt: new Date(at).toISOString(), dropId, data } });
}
