import type { components } from '@fairdrop/sdk/schema';

type S = components['schemas'];
export type PublicDrop = S['PublicDrop'];
export type Phase = S['Phase'];
export type Receipt = S['Receipt'];
export type MyEntry = S['MyEntry'];
export type EntryState = S['EntryState'];
export type EntryStatus = S['EntryStatus'];
export type PowChallenge = S['PowChallenge'];
export type PurchaseStart = S['PurchaseStart'];
export type Problem = S['Problem'];
export type ProblemCode = S['ProblemCode'];
export type ServerTime = S['ServerTime'];
export type RegistrationRequest = S['RegistrationRequest'];
export type StreamEvent = S['StreamEvent'];

/** `fetch`-compatible function; injectable so tests need no global mocks. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
/** `EventSource`-compatible constructor. */
export type EventSourceLike = new (url: string) => EventSource;
