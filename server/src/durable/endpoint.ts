/** The Restate endpoint (worker role): every durable object and service of Fairdrop. */
import './shim.js';
import { createServer, type ServerHttp2Session } from 'node:http2';
import * as restate from '@restatedev/restate-sdk';
import { dropObject } from './drop.object.js';
import { ledgerObject } from './ledger.object.js';
import { holderObject } from './holder.object.js';
import { merchantObject } from './merchant.object.js';
import { webhooksService } from './webhooks.service.js';

export const services = [dropObject, ledgerObject, holderObject, merchantObject, webhooksService];

/** Listen on `port` (0 = any); resolves with the bound port and a close function. */
export async function serveEndpoint(port: number, host = '127.0.0.1'): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer(restate.createEndpointHandler({ services }));
  // Restate keeps its HTTP/2 sessions open; close() would wait for them for ever.
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (s: ServerHttp2Session) => { sessions.add(s); s.once('close', () => sessions.delete(s)); });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as { port: number }).port;
  return {
    port: bound,
    close: () => new Promise((resolve) => { server.close(() => resolve()); for (const s of sessions) s.destroy(); }),
  };
}
