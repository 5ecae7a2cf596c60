/**
 * The /verify/{dropId} page in real Chromium: a draw on real quicknet round 1000 passes every
 * check; tampered records fail with their named causes shown; progress is visible while the
 * snapshot streams; a shopper's entry id is checked against the published root, offline too;
 * five languages; axe finds no violations. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../docs/test/browser.js';
import { quicknetDraw, round } from '../../sdk/test/beacon-fixture.js';
import { fixtureServer, type Fixture } from './fixture-server.js';

const shots = fileURLToPath(new URL('../../test-results/', import.meta.url));
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const { record, entries } = quicknetDraw();
const flip = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === 'a' ? 'b' : 'a') + hex.slice(at + 1);

const fixtures = new Map<string, Fixture>([
  ['drop_beacon', { record, entries }],
  ['drop_tampered', { record: { ...record, beaconSignature: flip(record.beaconSignature!, 40), winners: [record.winners[1], record.winners[0], ...record.winners.slice(2)] }, entries }],
  ['drop_late_round', { record: { ...record, beaconRound: 1005, beaconSignature: round(1005).signature, beacon: round(1005).randomness }, entries }],
  ['drop_slow', { record, entries, holdAfter: 10 }],
]);
let browser: Browser; let server: Awaited<ReturnType<typeof fixtureServer>>;
beforeAll(async () => { [browser, server] = await Promise.all([launch(), fixtureServer(fixtures)]); });
afterAll(async () => { await browser?.close(); await server?.close(); });

async function open(path: string, opts: { lang?: string; dark?: boolean } = {}): Promise<Page> {
  // bypassCSP only so the test can inject axe; the page's own CSP is checked separately.
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 }, bypassCSP: true, locale: opts.lang ?? 'en-US', colorScheme: opts.dark ? 'dark' : 'light' });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}
const finished = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 20_000 });
const statuses = (page: Page) => page.$$eval('.checks li', (lis) => lis.map((li) => `${li.getAttribute('data-check')}:${li.className}`));

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe('verify page', () => {
  it('is served with a CSP that allows this origin only', async () => {
    const res = await fetch(`${server.url}/verify/drop_beacon`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'/);
    expect((await fetch(`${server.url}/verify/not%20an%20id`)).status).toBe(400);
  });

  it('passes every check for a draw on real quicknet round 1000, shown in plain words', async () => {
    const page = await open('/verify/drop_beacon');
    await finished(page);
    expect(await statuses(page)).toEqual(['record', 'commitment', 'beacon_source', 'beacon_round', 'beacon_signature', 'beacon_value', 'entries', 'seed', 'winners', 'backups'].map((c) => `${c}:passed`));
    const text = await page.textContent('main');
    expect(text).toMatch(/The draw checks out/);
    expect(text).toMatch(/drand round 1000/);
    expect(text).toMatch(/League of Entropy quicknet/);
    expect(text).toMatch(/No server is trusted beyond the bytes it serves/);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}verify-passed.png`, fullPage: true });
    await page.context().close();
  });

  it('fails a tampered record with its named causes and the exact difference', async () => {
    const page = await open('/verify/drop_tampered');
    await finished(page);
    const st = await statuses(page);
    expect(st).toContain('beacon_signature:failed');
    expect(st).toContain('beacon_value:failed');
    expect(st).toContain('winners:failed');
    expect(st).toContain('commitment:passed');
    const failed = await page.textContent('.checks li[data-check="winners"]');
    expect(failed).toContain('winner_mismatch');
    expect(failed).toContain(`The record says${record.winners[1]}Recomputed here${record.winners[0]}`);
    expect(await page.textContent('.verdict')).toMatch(/does NOT check out/);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}verify-failed.png`, fullPage: true });
    await page.context().close();
  });

  it('is axe-clean in dark mode too, failed checks included', async () => {
    const page = await open('/verify/drop_tampered', { dark: true });
    await finished(page);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}verify-failed-dark.png`, fullPage: true });
    await page.context().close();
  });

  it('names a genuine but later round (an operator shopping for a round) as beacon_round_mismatch', async () => {
    const page = await open('/verify/drop_late_round');
    await finished(page);
    const st = await statuses(page);
    expect(st).toContain('beacon_round:failed');
    expect(st).toContain('beacon_signature:passed');
    expect(await page.textContent('.checks li[data-check="beacon_round"]')).toContain('beacon_round_mismatch');
    await page.context().close();
  });

  it('shows progress while the snapshot streams', async () => {
    const page = await open('/verify/drop_slow');
    await page.waitForFunction(() => /Reading the entries/.test(document.getElementById('progress-label')?.textContent ?? ''), null, { timeout: 10_000 });
    expect(await page.getAttribute('main', 'aria-busy')).toBe('true');
    expect(Number(await page.getAttribute('progress', 'value'))).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}verify-in-progress.png`, fullPage: true });
    server.release();
    await finished(page);
    await page.context().close();
  });

  it("checks a shopper's entry against the published root, and keeps working offline", async () => {
    const page = await open('/verify/drop_beacon');
    await finished(page);
    const before = server.requests.length;
    await page.context().setOffline(true);
    await page.fill('#entry-id', record.winners[0]!);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => /inclusion proof/.test(document.querySelector('.proof')?.textContent ?? ''));
    expect(await page.textContent('.proof')).toMatch(/number \d+ of 40 .*leads to the published root\. It won: slot 1\./);
    await page.fill('#entry-id', record.backups[1]!);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => /backup number 2/.test(document.querySelector('.proof')?.textContent ?? ''));
    await page.fill('#entry-id', 'nobody');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => /No entry with the id “nobody”/.test(document.querySelector('.proof')?.textContent ?? ''));
    expect(server.requests.length).toBe(before); // offline, and nothing was asked anyway
    await page.context().close();
  });

  it('checks the entry named in the address (the widget links to #entry=…) by itself', async () => {
    const page = await open(`/verify/drop_beacon#entry=${record.backups[0]}`);
    await page.waitForFunction(() => /backup number 1/.test(document.querySelector('.proof')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await page.inputValue('#entry-id')).toBe(record.backups[0]);
    await page.context().close();
  });

  it('asked only this origin, for the page, its assets, the record and the snapshot', async () => {
    const seen = server.requests.filter((p) => p.includes('drop_beacon') || p.startsWith('/verify/assets/'));
    expect(seen.every((p) => /^\/verify\/(drop_beacon|assets\/[\w.-]+)$|^\/v1\/public\/drops\/drop_beacon\/(record|snapshot)$/.test(p))).toBe(true);
  });

  it.each(['de', 'fr', 'es', 'ja'])('speaks %s, with every value filled in', async (lang) => {
    const page = await open(`/verify/drop_beacon?lang=${lang}`);
    await finished(page);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const text = (await page.textContent('main'))!;
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text).not.toMatch(/The draw checks out/);
    expect(text).toMatch(/1000/);
    if (lang === 'ja') expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});
