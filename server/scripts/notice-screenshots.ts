/**
 * Renders every notice (English, plus a few in the other languages) with the real renderer and
 * screenshots the HTML in headless Chromium into docs/guide/notices/. Run:
 *   node --conditions=source --import tsx server/scripts/notice-screenshots.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderNotice, type RenderInput } from '../src/core/notices/render.js';
import type { AnyNotice, Locale } from '../src/core/notices/kinds.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'guide', 'notices');
mkdirSync(out, { recursive: true });
const deadline = Date.UTC(2026, 11, 4, 18, 10);
const base: Omit<RenderInput, 'notice' | 'locale'> = {
  timeZone: 'Europe/Berlin', merchantName: 'Northside Sneakers', dropName: 'Runner 90 “Ember”', entryId: '02h7KpQ9xWm3ZtLa',
  brand: { primaryColor: '#c2410c', backgroundColor: '#fff7ed', textColor: '#1c1917' },
  unsubscribeUrl: 'https://api.fairdrop.example/v1/public/email/unsubscribe?t=us.…', verifyUrl: 'https://api.fairdrop.example/v1/public/drops/drp4Yx/record',
  deadline, opensAt: Date.UTC(2026, 11, 4, 17, 0), credits: 2,
};
const action: Partial<Record<AnyNotice, string>> = {
  entered: 'https://northside.example/drops/runner-90', won: 'https://northside.example/checkout?token=pt.…', reminder: 'https://northside.example/checkout?token=pt.…',
  promoted: 'https://northside.example/checkout?token=pt.…', opening_soon: 'https://northside.example/drops/runner-90', confirm_address: 'https://api.fairdrop.example/v1/public/email/confirm?t=ec.…',
};
const shots: Array<[AnyNotice, Locale, string?]> = [
  ['entered', 'en'], ['won', 'en'], ['reminder', 'en'], ['promoted', 'en'], ['lost', 'en'], ['cancelled', 'en'], ['opening_soon', 'en'], ['confirm_address', 'en'],
  ['won', 'de'], ['won', 'ja', 'Asia/Tokyo'], ['lost', 'fr'], ['entered', 'es'],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 1 });
for (const [notice, locale, tz] of shots) {
  const url = action[notice];
  const r = renderNotice({ ...base, notice, locale, ...(tz ? { timeZone: tz } : {}), ...(url ? { actionUrl: url } : {}) });
  await page.setContent(r.html, { waitUntil: 'load' });
  const name = `${notice.replace('_', '-')}${locale === 'en' ? '' : `-${locale}`}`;
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  writeFileSync(join(out, `${name}.txt`), `Subject: ${r.subject}\n\n${r.text}`);
  console.log(`${name}.png  ${r.subject}`);
}
await browser.close();
