/** Friendly names for the generated schema types (openapi.yaml `components.schemas`). */
import type { components } from '../generated/schema.js';

type S = components['schemas'];
export type Drop = S['Drop'];
/**
 * Request body of createDrop. openapi-typescript marks fields that have a `default` as required
 * (its defaultNonNullable), which is right for responses but not for requests: here they are
 * optional, as in openapi.yaml.
 */
export type DropCreate = Optional<Omit<S['DropCreate'], 'rollover' | 'geoFence'>, 'purchaseWindowSeconds' | 'maxTickets' | 'backupCount' | 'allowAnonymous' | 'anonymousIdsInWebhooks' | 'trustThreshold' | 'powDifficulty' | 'beacon'> & {
  rollover?: Partial<NonNullable<S['DropCreate']['rollover']>>;
  geoFence?: Optional<S['GeoFence'], 'bonusMultiplier'>;
};
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type PublicDrop = S['PublicDrop'];
export type Phase = S['Phase'];
export type Merchant = S['Merchant'];
export type MerchantCreate = S['MerchantCreate'];
export type MerchantUpdate = S['MerchantUpdate'];
export type MerchantCredentials = S['MerchantCredentials'];
export type WebhookEndpoint = S['WebhookEndpoint'];
export type WebhookEndpointCreate = S['WebhookEndpointCreate'];
export type WebhookEvent = S['WebhookEvent'];
export type WebhookEventType = S['WebhookEventType'];
export type ShopperStanding = S['ShopperStanding'];
export type Entry = S['Entry'];
export type EntryPage = S['EntryPage'];
export type EntryStatus = S['EntryStatus'];
export type EntryState = S['EntryState'];
export type DrawRecord = S['DrawRecord'];
export type InclusionProof = S['InclusionProof'];
export type PowChallenge = S['PowChallenge'];
export type RegistrationRequest = S['RegistrationRequest'];
export type Receipt = S['Receipt'];
export type MyEntry = S['MyEntry'];
export type PurchaseStart = S['PurchaseStart'];
export type PurchaseConfirm = S['PurchaseConfirm'];
export type Purchase = S['Purchase'];
export type ServerTime = S['ServerTime'];
export type StreamEvent = S['StreamEvent'];
export type Health = S['Health'];
export type ProblemCode = S['ProblemCode'];
export type EmailSettings = S['EmailSettings'];
/** The generated type requires the fields the server defaults (`enabled`, `reminderMinutesBefore`). */
export type EmailSettingsInput = Optional<S['EmailSettingsInput'], 'enabled' | 'reminderMinutesBefore'>;
export type NoticeStatus = S['NoticeStatus'];
export type NoticeJobs = S['NoticeJobs'];
export type WatchRequest = S['WatchRequest'];
/** One line of an entry snapshot. */
export interface SnapshotEntry { entryId: string; weight: number }
