/**
 * The API's typed client for the notice objects (durable/notifier/api.ts), through
 * `@restatedev/restate-sdk-clients` and the same failure mapping as the rest (durable-client.ts).
 */
import * as clients from '@restatedev/restate-sdk-clients';
import { guarded } from './durable-client.js';
import { mailbox, outbox } from '../durable/notifier/api.js';

export class NoticeClient {
  private readonly ingress: clients.Ingress;
  constructor(ingressUrl: string, fetchImpl: typeof fetch = fetch) {
    this.ingress = clients.connect({ url: ingressUrl, fetch: (input, init) => fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(30_000) }) });
  }
  outbox(merchantId: string) { return guarded(this.ingress.objectClient(outbox, merchantId)); }
  mailbox(key: string) { return guarded(this.ingress.objectClient(mailbox, key)); }
}

export type NoticeDurable = Pick<NoticeClient, 'outbox' | 'mailbox'>;
