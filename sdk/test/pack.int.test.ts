/**
 * Issue 18.1: both packages are publish-ready. `npm pack` makes the tarballs; they install into a
 * scratch project outside the workspace (dependencies from the registry/cache, ours from the
 * tarballs) and work there: the SDK in Node (server client, token, webhook check, rules, draw),
 * the types under strict TypeScript, and the widget's built module in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { launch } from '../../docs/test/browser.js';
// @ts-expect-error plain JS helper without types
import { serveStatic } from '../../widget/scripts/static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'fairdrop-pack-'));
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

let tarballs: string[] = [];
beforeAll(() => {
  npm(['run', 'build', '-w', '@fairdrop/sdk'], root);
  if (!existsSync(join(root, 'widget', 'dist', 'types', 'index.d.ts'))) npm(['run', 'build', '-w', '@fairdrop/widget'], root);
  npm(['pack', '-w', '@fairdrop/sdk', '-w', '@fairdrop/widget', '--pack-destination', scratch], root);
  tarballs = readdirSync(scratch).filter((f) => f.endsWith('.tgz')).map((f) => join(scratch, f));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch-shop', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], scratch);
}, 240_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm pack → install outside the workspace', () => {
  it('makes one tarball per package, outside the workspace', () => {
    expect(scratch.startsWith(root)).toBe(false);
    expect(tarballs.map((t) => t.split('/').pop()).sort()).toEqual(['fairdrop-sdk-0.1.0.tgz', 'fairdrop-widget-0.1.0.tgz']);
    expect(existsSync(join(scratch, 'node_modules', '@fairdrop', 'sdk', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(scratch, 'node_modules', '@fairdrop', 'widget', 'dist', 'fair-drop.js'))).toBe(true);
  });

  it('the SDK works in Node there: server client, shopper token, webhook check, rules, draw', () => {
    writeFileSync(join(scratch, 'sdk.mjs'), `
      import { createServerClient, mintShopperToken, verifyWebhook, signWebhookForTest } from '@fairdrop/sdk/server';
      import { entryBreakdown, defaultTickets } from '@fairdrop/sdk/rules';
      import { runDraw, verifyDrawSync } from '@fairdrop/sdk/draw';
      import { createPublicClient } from '@fairdrop/sdk';
      const c = createServerClient({ secretKey: 'sk_x_0123456789abcdef', baseUrl: 'http://127.0.0.1:9' });
      const token = await mintShopperToken({ secret: 'sts_' + 'x'.repeat(32), customerId: 'alice' });
      const body = JSON.stringify({ id: 'evt_1', type: 'drop.opened', createdAt: new Date().toISOString(), dropId: 'drp_1', data: {} });
      const hook = verifyWebhook(body, signWebhookForTest(body, 'whsec_test'), 'whsec_test');
      const entries = [{ entryId: 'a', weight: 1 }, { entryId: 'b', weight: 2 }];
      const { record } = runDraw({ dropId: 'drp_1', secret: 'ab'.repeat(32), inventory: 1, backupCount: 1, entries });
      console.log(JSON.stringify({ client: typeof c.drops.create, pub: typeof createPublicClient, token: token.split('.').length, hook: hook.ok,
        breakdown: entryBreakdown({ tickets: defaultTickets(2, 5), rolloverCredits: 2, unitAmount: 100 }), verified: verifyDrawSync(record, entries).ok }));
    `);
    const out = JSON.parse(execFileSync(process.execPath, ['sdk.mjs'], { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }));
    expect(out).toEqual({ client: 'function', pub: 'function', token: 3, hook: true, breakdown: { rollover: 2, free: 1, paid: 0, priceUnits: 0, amount: 0 }, verified: true });
  });

  it('the types check under strict TypeScript there', () => {
    writeFileSync(join(scratch, 'shop.ts'), `
      import { createServerClient, type WebhookEvent } from '@fairdrop/sdk/server';
      import { entryBreakdown, type EntryBreakdown } from '@fairdrop/sdk/rules';
      import type { FairDrop, FairDropEventDetails } from '@fairdrop/widget';
      const c = createServerClient({ secretKey: 'sk_x', baseUrl: 'http://x' });
      export async function confirm(token: string): Promise<number | undefined> {
        const { data } = await c.purchases.confirm('drp_1', { purchaseToken: token, customerId: 'alice' });
        return data?.slot;
      }
      export const b: EntryBreakdown = entryBreakdown({ tickets: 2, rolloverCredits: 1, unitAmount: 1 });
      export const won = (d: FairDropEventDetails['fairdrop:won']): string => d.entryId;
      export const drop = (el: FairDrop): string => el.drop;
      export type E = WebhookEvent['type'];
    `);
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], noEmit: true, skipLibCheck: true, types: [] }, files: ['shop.ts'] }));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' })).not.toThrow();
  });

  it('the widget’s built module defines <fair-drop> and renders in Chromium there', async () => {
    const dist = join(scratch, 'node_modules', '@fairdrop', 'widget', 'dist');
    writeFileSync(join(scratch, 'index.html'), `<!doctype html><html lang="en"><body>
      <script type="module" src="/w/fair-drop.js" data-drop="drp_1" data-publishable-key="pk_x" data-api="http://127.0.0.1:9"></script></body></html>`);
    const server: Server = await serveStatic([['/w/', dist], ['/', scratch]]);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
      await page.waitForFunction(() => !!document.querySelector('fair-drop')?.shadowRoot?.querySelector('section[data-view]'), null, { timeout: 10_000 });
      expect(await page.evaluate(() => typeof customElements.get('fair-drop'))).toBe('function');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((r) => server.close(r));
    }
  });
});
