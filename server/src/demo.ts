/** The demo merchant and drop for `npm start`, kept in the data dir so restarts reuse them. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Demo { merchantId: string; secretKey: string; publishableKey: string; shopperTokenSecret: string; webhookSecret: string; dropId: string; closesAt: string; beacon?: 'drand' | 'none' }


async function json(res: Response, what: string): Promise<any> {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function demo(opts: { apiUrl: string; adminToken: string; dataDir: string; storefrontOrigin: string; openMinutes: number; beacon: 'drand' | 'none' }): Promise<Demo> {
  const file = join(opts.dataDir, 'demo.json');
  let d: Demo | null = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (!d) {
    const m = await json(await fetch(`${opts.apiUrl}/v1/admin/merchants`, {
      method: 'POST', headers: { authorization: `Bearer ${opts.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Demo Sneakers', allowedOrigins: [opts.storefrontOrigin, opts.storefrontOrigin.replace('127.0.0.1', 'localhost')] }),
    }), 'creating the demo merchant');
    d = { merchantId: m.merchant.id, secretKey: m.secretKey, publishableKey: m.publishableKey, shopperTokenSecret: m.shopperTokenSecret, webhookSecret: m.webhookSecret, dropId: '', closesAt: '' };
  }
  const current = d.dropId ? await fetch(`${opts.apiUrl}/v1/drops/${d.dropId}`, { headers: { authorization: `Bearer ${d.secretKey}` } }) : null;
  const found = current?.ok ? await current.json() as { phase: string; closesAt: string } : null;
  // A drop whose window has passed (or is about to) is over for a newcomer, even before its close timer ran.
  const open = found && (found.phase === 'registration' || found.phase === 'scheduled') && Date.parse(found.closesAt) > Date.now() + 30_000;
  if (!open) {
    const now = Date.now();
    const drop = await json(await fetch(`${opts.apiUrl}/v1/drops`, {
      method: 'POST', headers: { authorization: `Bearer ${d.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Aero Runner “Night Volt”', inventory: 50, backupCount: 10, maxTickets: 5,
        opensAt: new Date(now + 2000).toISOString(), closesAt: new Date(now + opts.openMinutes * 60_000).toISOString(),
        beacon: opts.beacon, purchaseWindowSeconds: 300, ticketPrice: { amount: 200, currency: 'EUR' }, allowAnonymous: true, powDifficulty: 16,
        loyaltyMultipliers: { gold: 3, silver: 2 }, rollover: { enabled: true, cap: 5 }, checkoutUrl: `${opts.storefrontOrigin}/checkout.html`,
      }),
    }), 'creating the demo drop');
    d = { ...d, dropId: drop.id, closesAt: drop.closesAt, beacon: opts.beacon };
  }
  writeFileSync(file, JSON.stringify(d, null, 2), { mode: 0o600 });
  return d;
}
