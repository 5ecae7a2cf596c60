/**
 * The docs site: built (or reused when fresh), served on 127.0.0.1 and opened in Chromium.
 * Every page renders its heading without errors, the generated API reference renders every
 * operation, and no request leaves 127.0.0.1. Screenshots go to docs/test-results/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launch, localOnlyContext } from './browser.js';
import { serveDir } from './static-server.js';

const docs = fileURLToPath(new URL('..', import.meta.url));
const dist = join(docs, '.vitepress', 'dist');
const shots = join(docs, 'test-results');

/** Newest mtime of the sources (markdown, config, openapi.yaml). */
function newestSource(): number {
  const walk = (dir: string): number[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (['node_modules', 'dist', 'cache', 'test', 'test-results', 'public'].includes(d.name)) return [];
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p) : /(\.(md|mts|mjs|vue|css)|^package\.json)$/.test(d.name) ? [statSync(p).mtimeMs] : [];
  });
  return Math.max(...walk(docs), statSync(join(docs, '..', 'openapi.yaml')).mtimeMs);
}

function ensureBuilt(): void {
  const stamp = join(dist, 'index.html');
  const apiStamp = join(dist, 'api', 'index.html');
  if (existsSync(stamp) && existsSync(apiStamp) && statSync(stamp).mtimeMs > newestSource() && statSync(apiStamp).mtimeMs > newestSource()) return;
  execFileSync('npm', ['run', 'build'], { cwd: docs, stdio: 'pipe', timeout: 120_000 });
}

const PAGES: Array<[path: string, heading: RegExp]> = [
  ['/', /Fairdrop/],
  ['/guide/quick-start.html', /Quick start/],
  ['/guide/embed.html', /Embed the widget/],
  ['/guide/merchant.html', /Merchant integration/],
  ['/guide/sdk.html', /@fairdrop\/sdk/],
  ['/draw-spec.html', /fairdrop-draw-v1/],
  ['/verify-a-draw.html', /verifies a draw/],
  ['/reference/configuration.html', /Configuration/],
  ['/guide/deployment.html', /Scale-out and deployment/],
  ['/reference/api.html', /HTTP API reference/],
];

function operations(): Array<{ operationId: string; summary: string }> {
  const spec = parse(readFileSync(join(docs, '..', 'openapi.yaml'), 'utf8')) as { paths: object; webhooks: object };
  return [...Object.values(spec.paths), ...Object.values(spec.webhooks)].flatMap((item) => Object.values(item as Record<string, { operationId: string; summary: string }>));
}

let browser: Browser;
let site: { url: string; close(): Promise<void> };

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  site = await serveDir(dist);
  browser = await launch();
}, 150_000);
afterAll(async () => { await browser?.close(); await site?.close(); });

describe('docs site', () => {
  it('renders every page with its heading, no errors and no request off 127.0.0.1', async () => {
    const { context, offsite } = await localOnlyContext(browser);
    const problems: string[] = [];
    for (const [path, heading] of PAGES) {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`${path}: console: ${m.text()}`); });
      const res = await page.goto(site.url + path, { waitUntil: 'networkidle' });
      expect(res?.status(), path).toBe(200);
      const h = path === '/' ? page.locator('.VPHero .name') : page.locator('.vp-doc h1').first();
      await expect.poll(() => h.textContent(), { timeout: 5000 }).toMatch(heading);
      // The sidebar/nav links every guide, the draw pages and the API reference.
      if (path === '/guide/quick-start.html') {
        const hrefs = await page.locator('.VPSidebar a, .VPNav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const want of ['/draw-spec.html', '/verify-a-draw.html', '/guide/embed.html', '/guide/deployment.html', '/reference/configuration.html', '/api/index.html']) expect(hrefs).toContain(want);
      }
      if (path === '/') await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
      if (path === '/guide/embed.html') await page.screenshot({ path: join(shots, 'embed-guide.png') });
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
  }, 90_000); // nine pages, one after the other: slow on a loaded machine

  it('renders the API reference from openapi.yaml, self-hosted', async () => {
    const { context, offsite } = await localOnlyContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/api/index.html`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: /Fairdrop API/ }).first().waitFor({ timeout: 10_000 });
    // Every operation of openapi.yaml is in the rendered navigation (summaries, collapsed or not).
    const text = (await page.locator('body').textContent()) ?? '';
    const missing = operations().filter((o) => !text.includes(o.summary)).map((o) => o.operationId);
    expect(missing).toEqual([]);
    // An operation page renders its request schema.
    const op = await context.newPage();
    op.on('pageerror', (e) => errors.push(e.message));
    await op.goto(`${site.url}/api/index.html#/merchant/createdrop`, { waitUntil: 'networkidle' });
    await op.getByRole('heading', { name: /Create and schedule a drop/ }).waitFor({ timeout: 10_000 });
    expect(await op.locator('body').innerText()).toContain('Idempotency-Key');
    await op.screenshot({ path: join(shots, 'api-reference-operation.png') });
    await page.screenshot({ path: join(shots, 'api-reference.png') });
    await context.close();
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
