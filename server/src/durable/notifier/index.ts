/** The notice objects, registered beside the rest by endpoint.ts. */
import { outbox } from './outbox.object.js';
import { mailbox } from './mailbox.object.js';
import { recipient } from './recipient.object.js';

export const notifierServices = [outbox, mailbox, recipient];
export { setNotifierDeps } from './deps.js';
