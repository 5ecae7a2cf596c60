/**
 * Issue 18.20: the storefront flow — open → PoW → registered → drawn → won / lost — in every engine
 * a shopper uses: Chromium, Firefox ESR and WebKitGTK (Safari's engine). Each engine runs when its
 * binaries are present; a missing one shows up as a skipped test with its name and what is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restateServer, fairdropProcess, registerDeployment, freePort, waitFor, SECRET, ADMIN, type RestateServer, type FairdropProcess } from '../../../server/test/harness.js';
import { TestClient, type Merchant } from '../../../server/test/client.js';
import { serveStorefront } from '../../../server/src/storefront.js';
import { ENGINES, type Driver } from './browsers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shots = join(root, 'examples', 'storefront', 'test-results');
const built = existsSync(join(root, 'widget', 'dist', 'fair-drop.js'));

const VIEW = "const s = document.querySelector('fair-drop')?.shadowRoot?.querySelector('section[data-view]'); return s ? s.dataset.view : '';";
const ENTRY = "return document.querySelector('fair-drop')?.shadowRoot?.querySelector('.receipt code, .verify code')?.textContent ?? '';";

let restate: RestateServer; let fd: FairdropProcess; let client: TestClient; let m: Merchant;

async function waitView(d: Driver, wanted: string[], timeoutMs = 60_000): Promise<string> {
  let seen = '';
  await waitFor(`${d.name}: view ${wanted.join('|')}`, async () => { seen = await d.run<string>(VIEW); return wanted.includes(seen); }, timeoutMs, 250);
  return seen;
}

for (const e of ENGINES) if (e.missing.length) console.warn(`cross-browser e2e: SKIPPED ${e.name} — missing ${e.missing.join(', ')}`);

describe.skipIf(!built || ENGINES.every((e) => e.missing.length))('the storefront in every engine', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    restate = await restateServer();
    fd = await fairdropProcess('all', { RESTATE_INGRESS_URL: restate.ingressUrl, FAIRDROP_SERVER_SECRET: SECRET, FAIRDROP_ADMIN_TOKEN: ADMIN, FAIRDROP_RATE_BURST: '200', FAIRDROP_RATE_PER_SECOND: '50', ...(process.env.NATS_URL ? { NATS_URL: process.env.NATS_URL } : {}) });
    await registerDeployment(restate.adminUrl, fd.endpointUrl);
    client = new TestClient(fd.apiUrl);
  }, 90_000);
  afterAll(async () => { await fd?.stop(); await restate?.dispose(); });

  for (const engine of ENGINES) {
    it.skipIf(engine.missing.length > 0)(`${engine.name}${engine.missing.length ? ` (skipped: missing ${engine.missing.join(', ')})` : ''}: open → PoW → registered → drawn → won or lost, with no page errors`, async () => {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      m = await client.merchant(`Shop for ${engine.name}`, [origin]);
      const drop = await client.drop(m, { name: `Drop in ${engine.name}`, inventory: 1, backupCount: 0, allowAnonymous: true, powDifficulty: 10, maxTickets: 1, trustThreshold: 0 }, 0, 300_000);
      // The bare storefront URL shows the merchant's drop, loaded from the API's hosted widget with SRI.
      const storefront = await serveStorefront({ port, root, apiUrl: fd.apiUrl, sseUrl: fd.sseUrl,
        demo: { merchantId: m.merchant.id, secretKey: m.secretKey, publishableKey: m.publishableKey, shopperTokenSecret: m.shopperTokenSecret, webhookSecret: m.webhookSecret, dropId: drop.id, closesAt: drop.closesAt } });
      const d = await engine.launch();
      try {
        await d.goto(`${origin}/`);
        await waitView(d, ['open']);
        await d.screenshot(join(shots, `${engine.name}-1-open.png`));
        await d.run("document.querySelector('fair-drop').shadowRoot.querySelector('button.primary').click();");
        await waitView(d, ['registered']);
        await d.screenshot(join(shots, `${engine.name}-2-registered.png`));
        const entryId = await d.run<string>(ENTRY);
        expect(entryId).toMatch(/^[A-Za-z0-9_-]{16}$/);
        // A second shopper, so the draw has a winner and a loser.
        expect((await client.register(m, drop.id, 'other-shopper')).status).toBe(201);
        const draw = await client.req('POST', `/v1/drops/${drop.id}/draw`, { headers: { authorization: `Bearer ${m.secretKey}` } });
        expect(draw.status).toBe(200);
        const record = await client.req('GET', `/v1/public/drops/${drop.id}/record`);
        const expected = record.body.winners.includes(entryId) ? 'won' : 'lost';
        expect(await waitView(d, ['won', 'lost'])).toBe(expected);
        await d.screenshot(join(shots, `${engine.name}-3-${expected}.png`));
        expect(await d.run<string>("return document.querySelector('fair-drop').shadowRoot.querySelector('.verify a')?.getAttribute('href') ?? '';")).toBe(`${fd.apiUrl}/verify/${drop.id}#entry=${entryId}`);
        expect(d.errors).toEqual([]);
      } finally {
        await d.close();
        await storefront.close();
      }
    }, 240_000);
  }
});
