/**
 * End to end in real Chromium against the real backend: the storefront page with its one script
 * tag, registration through the widget (real PoW, real API), the draw, then a winner's page with
 * the buy button and a loser's page with the rollover message. Screenshots of each phase are
 * saved to examples/storefront/test-results/ for a person to look at.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { restateServer, fairdropProcess, registerDeployment, freePort, waitFor, SECRET, ADMIN, type RestateServer, type FairdropProcess } from '../../../server/test/harness.js';
import { TestClient, type Merchant } from '../../../server/test/client.js';
import { serveStorefront } from '../../../server/src/storefront.js';
import { chromiumForTests } from '../../../tools/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shots = join(root, 'examples', 'storefront', 'test-results');
const haveWidget = existsSync(join(root, 'widget', 'dist', 'fair-drop.js'));

let restate: RestateServer; let fd: FairdropProcess; let browser: Browser; let client: TestClient;
let storefront: { close: () => Promise<void> }; let storefrontOrigin: string; let m: Merchant;

const view = (page: Page) => page.locator('fair-drop section[data-view]').getAttribute('data-view');
async function waitView(page: Page, wanted: string[], timeoutMs = 30_000): Promise<string> {
  let seen = '';
  await waitFor(`view ${wanted.join('|')}`, async () => { seen = (await view(page)) ?? ''; return wanted.includes(seen); }, timeoutMs, 200);
  return seen;
}

describe.skipIf(!haveWidget)('storefront, end to end', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    restate = await restateServer();
    fd = await fairdropProcess('all', { RESTATE_INGRESS_URL: restate.ingressUrl, FAIRDROP_SERVER_SECRET: SECRET, FAIRDROP_ADMIN_TOKEN: ADMIN, FAIRDROP_LEDGER_SHARDS: '4', FAIRDROP_RATE_BURST: '200', FAIRDROP_RATE_PER_SECOND: '50', ...(process.env.NATS_URL ? { NATS_URL: process.env.NATS_URL } : {}) });
    await registerDeployment(restate.adminUrl, fd.endpointUrl);
    client = new TestClient(fd.apiUrl);
    const port = await freePort();
    storefrontOrigin = `http://127.0.0.1:${port}`;
    m = await client.merchant('KICKLAB', [storefrontOrigin]);
    storefront = await serveStorefront({ port, root, apiUrl: fd.apiUrl, sseUrl: fd.sseUrl,
      demo: { merchantId: m.merchant.id, secretKey: m.secretKey, publishableKey: m.publishableKey, shopperTokenSecret: m.shopperTokenSecret, webhookSecret: m.webhookSecret, dropId: '', closesAt: '' } });
    const { executablePath, args, env } = chromiumForTests();
    browser = await chromium.launch({ executablePath, args, env });
  }, 90_000);

  afterAll(async () => { await browser?.close(); await storefront?.close(); await fd?.stop(); await restate?.dispose(); });

  it('registers two shoppers through the widget, draws, and shows the winner the buy button and the loser the rollover message', async () => {
    const drop = await client.drop(m, { name: 'Aero Runner “Night Volt”', inventory: 1, backupCount: 0, allowAnonymous: true, powDifficulty: 10, maxTickets: 3, ticketPrice: { amount: 500, currency: 'EUR' }, rollover: { enabled: true, cap: 5 } }, 0, 120_000);
    const url = `${storefrontOrigin}/?${new URLSearchParams({ drop: drop.id, key: m.publishableKey, api: fd.apiUrl, sse: fd.sseUrl })}`;
    const pages: Page[] = [];
    const errors: string[] = [];
    for (const name of ['alice', 'bob']) {
      const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      await page.goto(url);
      await waitView(page, ['open']);
      if (name === 'alice') await page.screenshot({ path: join(shots, '1-open.png') });
      await page.mouse.move(200, 300); await page.mouse.move(420, 380);
      if (name === 'bob') await page.locator('fair-drop button.step').last().click(); // two tickets: one free, one paid
      await page.locator('fair-drop button.primary').click();
      await waitView(page, ['registered']);
      if (name === 'alice') await page.screenshot({ path: join(shots, '2-registered.png') });
      pages.push(page);
    }
    expect(await pages[0]!.locator('fair-drop [part="receipt"]').isVisible()).toBe(true);

    const draw = await client.req('POST', `/v1/drops/${drop.id}/draw`, { headers: { authorization: `Bearer ${m.secretKey}` } });
    expect(draw.status).toBe(200);
    expect(draw.body.winners).toHaveLength(1);

    const outcomes = await Promise.all(pages.map((p) => waitView(p, ['won', 'lost'])));
    expect([...outcomes].sort()).toEqual(['lost', 'won']);
    const winner = pages[outcomes.indexOf('won')] ?? pages[0]!;
    const loser = pages.find((p) => p !== winner)!;
    await winner.locator('fair-drop button.buy').waitFor({ state: 'visible', timeout: 10_000 });
    await winner.screenshot({ path: join(shots, '3-won.png') });
    await loser.screenshot({ path: join(shots, '4-lost.png') });
    if (await view(loser) === 'lost') {
      const note = loser.locator('fair-drop [part="note"]');
      // Bob bought one paid ticket; if he lost, it becomes one rollover credit.
      if (await note.count()) expect(await note.textContent()).toMatch(/1/);
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
