/**
 * The merchant backend: plain node:http, the SDK for everything Fairdrop.
 *
 *   POST /login?user=alice         pretend sign-in (a cookie)
 *   GET  /fairdrop-token           a shopper token for the signed-in customer (for <fair-drop>)
 *   POST /drops                    create a drop (the shop's admin)
 *   POST /checkout                 fake payment, then confirm the purchase with Fairdrop
 *   POST /webhooks/fairdrop        signed webhook deliveries
 *   GET  /orders, GET /events      what happened (for the demo and tests)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mintShopperToken, verifyWebhook, type ServerClient, type WebhookEvent, type DropCreate } from '@fairdrop/sdk/server';

export interface AppConfig {
  fairdrop: ServerClient;
  shopperTokenSecret: string;
  webhookSecret: string;
  log?: (line: string) => void;
}

export interface Order { id: string; customerId: string; dropId: string; entryId: string; slot: number }

export function createApp(cfg: AppConfig) {
  const log = cfg.log ?? (() => {});
  const events: WebhookEvent[] = [];
  const orders: Order[] = [];
  const seen = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    const user = /(?:^|;\s*)user=([A-Za-z0-9_-]{1,64})/.exec(req.headers.cookie ?? '')?.[1];

    if (route === 'POST /login') {
      const id = url.searchParams.get('user') ?? '';
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return send(res, 400, { error: 'user must be 1–64 letters, digits, _ or -' });
      res.setHeader('set-cookie', `user=${id}; HttpOnly; SameSite=Lax; Path=/`);
      return send(res, 200, { user: id });
    }
    if (route === 'GET /fairdrop-token') {
      if (!user) return send(res, 401, { error: 'sign in first (POST /login?user=…)' });
      const token = await mintShopperToken({ secret: cfg.shopperTokenSecret, customerId: user, expiresInSeconds: 900 });
      return send(res, 200, { shopperToken: token });
    }
    if (route === 'POST /drops') {
      const body = JSON.parse((await readBody(req)) || '{}') as Partial<DropCreate>;
      const { data, error } = await cfg.fairdrop.drops.create(demoDrop(body), { idempotencyKey: req.headers['idempotency-key'] as string | undefined ?? crypto.randomUUID() });
      if (error) return send(res, error.status || 502, { error: error.code, detail: error.detail });
      log(`created drop ${data.id} (${data.name}), opens ${data.opensAt}`);
      return send(res, 201, data);
    }
    if (route === 'POST /checkout') return checkout(req, res, user);
    if (route === 'POST /webhooks/fairdrop') {
      const raw = await readBody(req);
      const v = verifyWebhook(raw, req.headers, cfg.webhookSecret); // Standard Webhooks headers (or the deprecated Fairdrop-Signature)
      if (!v.ok) { log(`webhook refused: ${v.reason}`); return send(res, 400, { error: v.reason, detail: v.message }); }
      if (!seen.has(v.event.id)) { seen.add(v.event.id); events.push(v.event); log(`webhook ${v.event.type} for drop ${v.event.dropId}`); }
      return send(res, 200, { received: true });
    }
    if (route === 'GET /orders') return send(res, 200, orders);
    if (route === 'GET /events') return send(res, 200, events);
    return send(res, 404, { error: 'not found' });
  }

  /** The winner came back from the widget with `?token=…`: take the money, then confirm. */
  async function checkout(req: IncomingMessage, res: ServerResponse, user: string | undefined): Promise<void> {
    if (!user) return send(res, 401, { error: 'sign in first' });
    const { dropId, purchaseToken } = JSON.parse((await readBody(req)) || '{}') as { dropId?: string; purchaseToken?: string };
    if (!dropId || !purchaseToken) return send(res, 400, { error: 'dropId and purchaseToken are required' });
    const orderId = `ord_${orders.length + 1}`; // a real shop charges the card here
    // customerId: the signed-in customer paying. Fairdrop refuses a token issued to someone else.
    const { data, error } = await cfg.fairdrop.purchases.confirm(dropId, { purchaseToken, orderId, customerId: user });
    if (error) return send(res, error.status === 0 ? 502 : error.status === 403 ? 403 : 409, { error: error.code, detail: error.detail }); // refund in a real shop
    const order = { id: orderId, customerId: user, dropId, entryId: data.entryId, slot: data.slot };
    orders.push(order);
    log(`order ${orderId}: ${user} bought slot ${data.slot} of ${dropId}`);
    return send(res, 201, order);
  }

  return {
    events, orders,
    handler: (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res).catch((e: unknown) => { log(`error: ${(e as Error).message}`); if (!res.headersSent) send(res, 500, { error: 'internal' }); });
    },
  };
}

/** A drop that opens now and closes in two minutes, unless the body says otherwise. */
export function demoDrop(over: Partial<DropCreate> = {}): DropCreate {
  const now = Date.now();
  return { name: 'Merchant example drop', inventory: 2, backupCount: 2, maxTickets: 3, purchaseWindowSeconds: 300, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 120_000).toISOString(), ...over };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { raw += d; if (raw.length > 1e6) req.destroy(); });
    req.on('end', () => resolve(raw));
    req.on('error', reject);
  });
}
