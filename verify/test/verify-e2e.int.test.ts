/**
 * End to end: a drop drawn by the real server with a drand beacon (a test relay with its own key),
 * verified on the page the API role serves. The test chain's key must be given explicitly in the
 * address (#beacon-key=…, like the CLI's --beacon-key); without it the page names the unknown chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chainInfoOf } from '@fairdrop/sdk/draw';
import { launch } from '../../docs/test/browser.js';
import { startStack, enter, waitPhase, type Stack } from '../../server/test/stack.js';
import { drandEnv, drandRelay, testSigner, type TestRelay } from '../../server/test/drand-relay.js';

const signer = testSigner(1);
let s: Stack; let relay: TestRelay; let browser: Browser;
beforeAll(async () => {
  relay = await drandRelay(signer);
  [s, browser] = await Promise.all([startStack(drandEnv(signer, [relay.url])), launch()]);
}, 90_000);
afterAll(async () => { await browser?.close(); await s?.dispose(); await relay?.stop(); });

describe('verify page on a drop drawn with a drand beacon', () => {
  it('passes with the chain key given explicitly, and names the unknown chain without it', async () => {
    const m = await s.client.merchant();
    const d = await s.client.drop(m, { beacon: 'drand', inventory: 2, backupCount: 1 }, 0, 2500);
    await waitPhase(s.client, m, d.id, 'registration');
    for (const c of ['ann', 'ben', 'cid']) await enter(s.client, m, d.id, c);
    await waitPhase(s.client, m, d.id, 'purchase', 20_000);
    const key = Buffer.from(JSON.stringify(chainInfoOf(signer.chain))).toString('base64url');
    const page = await browser.newPage();
    await page.goto(`${s.fd.apiUrl}/verify/${d.id}#beacon-key=${key}`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 20_000 });
    expect(await page.textContent('.verdict')).toMatch(/The draw checks out/);
    expect(await page.isVisible('.warn')).toBe(true); // says it used a key from the address
    expect(await page.textContent('.checks li[data-check="beacon_round"]')).toContain(`drand round ${d.beaconRound}`);
    await page.goto(`${s.fd.apiUrl}/verify/${d.id}?x=1`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 20_000 });
    expect(await page.getAttribute('.checks li[data-check="beacon_source"]', 'class')).toBe('failed');
    expect(await page.textContent('.checks li[data-check="beacon_source"]')).toContain('unknown_beacon_source');
    await page.close();
  });
});
