/**
 * Type-level: each SDK call's data (and input) is the type openapi.yaml generates for that
 * operation. `expectTypeOf` is checked by `npm run typecheck`; at run time it is a no-op.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { operations, components } from '@fairdrop/sdk/schema';
import type { PublicClient, DropHandlers } from '@fairdrop/sdk';
import type { Entry } from '@fairdrop/sdk/draw';
import type { ServerClient, AdminClient, WebhookVerification } from '@fairdrop/sdk/server';

type Json<Op extends keyof operations, Code extends number = 200> = operations[Op]['responses'] extends Record<Code, { content: { 'application/json': infer T } }> ? T : never;
type Data<F extends (...a: never[]) => Promise<{ data?: unknown }>> = NonNullable<Awaited<ReturnType<F>>['data']>;
type S = components['schemas'];
// Drop is an allOf (an intersection type): `.branded` compares it structurally.

describe('SDK types follow openapi.yaml', () => {
  it('types each webhook event’s data by its type (18.15)', () => {
    type E = S['WebhookEvent'];
    /** The union member whose `type` admits T (slot offers share one schema for two types). */
    type Of<T extends string> = E extends infer X ? (X extends { type: infer U } ? (T extends U ? X : never) : never) : never;
    expectTypeOf<Of<'entry.won'>['data']['customerId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Of<'purchase.completed'>['data']['orderId']>().toEqualTypeOf<string | null>();
    expectTypeOf<Of<'draw.completed'>['data']['root']>().toEqualTypeOf<string>();
    expectTypeOf<Of<'drop.opened'>['data']>().toHaveProperty('phase');
  });

  it('types the server client by operation', () => {
    expectTypeOf<Data<ServerClient['health']>>().toEqualTypeOf<Json<'health'>>();
    expectTypeOf<Data<ServerClient['merchant']['get']>>().toEqualTypeOf<Json<'getMerchant'>>();
    expectTypeOf<Data<ServerClient['merchant']['update']>>().toEqualTypeOf<Json<'updateMerchant'>>();
    expectTypeOf<ServerClient['merchant']['update']>().parameter(0).toEqualTypeOf<S['MerchantUpdate']>();
    expectTypeOf<Data<ServerClient['drops']['create']>>().branded.toEqualTypeOf<Json<'createDrop', 201>>();
    expectTypeOf<Data<ServerClient['drops']['get']>>().branded.toEqualTypeOf<Json<'getDrop'>>();
    expectTypeOf<Data<ServerClient['drops']['list']>>().branded.toEqualTypeOf<Json<'listDrops'>>();
    expectTypeOf<Data<ServerClient['drops']['cancel']>>().branded.toEqualTypeOf<Json<'cancelDrop'>>();
    expectTypeOf<Data<ServerClient['drops']['drawNow']>>().toEqualTypeOf<Json<'drawNow'> | Json<'drawNow', 202>>();
    expectTypeOf<Data<ServerClient['entries']['list']>>().toEqualTypeOf<Json<'listEntries'>>();
    expectTypeOf<ReturnType<ServerClient['entries']['iterate']>>().toEqualTypeOf<AsyncGenerator<S['Entry']>>();
    expectTypeOf<Data<ServerClient['purchases']['confirm']>>().toEqualTypeOf<Json<'confirmPurchase'>>();
    expectTypeOf<ServerClient['purchases']['confirm']>().parameter(1).toEqualTypeOf<S['PurchaseConfirm']>();
    expectTypeOf<Data<ServerClient['webhookEndpoints']['list']>>().toEqualTypeOf<Json<'listWebhookEndpoints'>>();
    expectTypeOf<Data<ServerClient['webhookEndpoints']['create']>>().toEqualTypeOf<Json<'createWebhookEndpoint', 201>>();
    expectTypeOf<Data<ServerClient['loyalty']['get']>>().toEqualTypeOf<Json<'getShopperLoyalty'>>();
    expectTypeOf<Data<ServerClient['loyalty']['set']>>().toEqualTypeOf<Json<'setShopperLoyalty'>>();
    expectTypeOf<Data<AdminClient['merchants']['create']>>().toEqualTypeOf<Json<'createMerchant', 201>>();
  });

  it('accepts a drop with only the required fields (defaults are optional on input)', () => {
    expectTypeOf<{ name: string; inventory: number; opensAt: string; closesAt: string }>().toExtend<Parameters<ServerClient['drops']['create']>[0]>();
    expectTypeOf<S['DropCreate']>().toExtend<Parameters<ServerClient['drops']['create']>[0]>();
  });

  it('types the public client by operation', () => {
    expectTypeOf<Data<PublicClient['time']>>().toEqualTypeOf<Json<'getServerTime'>>();
    expectTypeOf<Data<PublicClient['drop']>>().toEqualTypeOf<Json<'getPublicDrop'>>();
    expectTypeOf<Data<PublicClient['activeDrops']>>().toEqualTypeOf<Json<'listActiveDrops'>>();
    expectTypeOf<Data<PublicClient['challenge']>>().toEqualTypeOf<Json<'createChallenge'>>();
    expectTypeOf<Data<PublicClient['register']>>().toEqualTypeOf<Json<'register', 201>>();
    expectTypeOf<PublicClient['register']>().parameter(1).toEqualTypeOf<S['RegistrationRequest']>();
    expectTypeOf<Data<PublicClient['enter']>>().toEqualTypeOf<Json<'register', 201>>();
    expectTypeOf<Data<PublicClient['myEntry']>>().toEqualTypeOf<Json<'getMyEntry'>>();
    expectTypeOf<Data<PublicClient['startPurchase']>>().toEqualTypeOf<Json<'startPurchase'>>();
    expectTypeOf<Data<PublicClient['record']>>().toEqualTypeOf<Json<'getDrawRecord'>>();
    expectTypeOf<Data<PublicClient['proof']>>().toEqualTypeOf<Json<'getInclusionProof'>>();
    expectTypeOf<ReturnType<PublicClient['snapshot']>>().toEqualTypeOf<AsyncGenerator<Entry>>();
  });

  it('types stream events and webhooks from the schema', () => {
    expectTypeOf<Parameters<NonNullable<DropHandlers['drop']>>[0]>().toEqualTypeOf<S['PublicDrop']>();
    expectTypeOf<Parameters<NonNullable<DropHandlers['entry']>>[0]>().toEqualTypeOf<S['EntryState']>();
    expectTypeOf<Extract<WebhookVerification, { ok: true }>['event']>().toEqualTypeOf<S['WebhookEvent']>();
    expectTypeOf<ReturnType<PublicClient['subscribe']>>().toEqualTypeOf<() => void>();
  });
});
