// Screenshot every phase of the built widget (recorded states, fake network) into
// test-results/screenshots/. Needs `npm run build` first. Chromium: tools/chromium.mjs.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
import { chromiumForTests } from '../../tools/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-results/screenshots');
mkdirSync(out, { recursive: true });
const server = await serveStatic([['/', root]]);
const base = `http://127.0.0.1:${server.address().port}/test/harness.html`;

const SHOTS = [
  'scheduled', 'open', 'open-credits', 'signin', 'registered', 'drawing', 'missed-closed', 'missed-purchase',
  'won', 'promoted', 'purchased', 'backup', 'lost', 'expired', 'completed', 'cancelled', 'unavailable',
  { name: 'loading', state: 'open', query: '&hang=1' },
  { name: 'solving', state: 'open', query: '&difficulty=40', act: 'register', wait: 1500 },
  { name: 'error-rate-limited', state: 'error-rate-limited', act: 'register' },
  { name: 'error-bot-check', state: 'error-bot-check', act: 'register' },
  { name: 'error-network', state: 'error-network', act: 'register' },
  { name: 'won-de', state: 'won', query: '&lang=de' },
  { name: 'open-ja', state: 'open', query: '&lang=ja' },
  { name: 'open-dark', state: 'open', dark: true },
  { name: 'lost-dark', state: 'lost', dark: true },
];

const { executablePath, args, env } = chromiumForTests();
const browser = await chromium.launch({ executablePath, args, env });
for (const s of SHOTS) {
  const shot = typeof s === 'string' ? { name: s, state: s } : s;
  const page = await browser.newPage({ viewport: { width: 460, height: 900 }, deviceScaleFactor: 2, colorScheme: shot.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  await page.goto(`${base}?state=${shot.state}${shot.query ?? ''}`);
  if (!shot.query?.includes('hang')) await page.waitForFunction(() => window.harness?.el.view !== 'loading');
  await page.waitForTimeout(400);
  if (shot.act === 'register') {
    await page.evaluate(() => window.harness.el.shadowRoot.querySelector('.primary').click());
    await page.waitForTimeout(shot.wait ?? 600);
  }
  await page.locator('fair-drop').screenshot({ path: join(out, `${shot.name}.png`) });
  console.log('saved', `${shot.name}.png`, await page.evaluate(() => window.harness?.el.view));
  await page.close();
}
server.close();

// The storefront example with the one-tag embed; the API is answered from the recorded state.
const { states, receipt } = await import('../test/fixtures/states.js');
const store = await serveStatic([['/', join(root, '../examples/storefront')], ['/', join(root, 'dist')]]);
for (const dark of [false, true]) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: dark ? 'dark' : 'light' })).newPage();
  const s = states(Date.now()).open;
  await page.route('http://127.0.0.1:3003/**', (route) => {
    const p = new URL(route.request().url()).pathname;
    const body = p === '/v1/public/time' ? { serverTime: new Date().toISOString(), epochMs: Date.now() }
      : p.endsWith('/entries/me') ? s.me : p.endsWith('/entries') ? receipt(Date.now()) : s.drop;
    return route.fulfill({ json: body, headers: { 'access-control-allow-origin': '*' } });
  });
  await page.route('http://127.0.0.1:3004/**', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto(`http://127.0.0.1:${store.address().port}/?drop=drp_demo&key=pk_demo`);
  await page.waitForFunction(() => document.querySelector('fair-drop')?.view === 'open');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `storefront${dark ? '-dark' : ''}.png`) });
  console.log('saved', `storefront${dark ? '-dark' : ''}.png`);
  await page.close();
}
store.close();
await browser.close();
