/**
 * The shared vectors in real Chromium: the draw module is bundled for the browser
 * (so `#sha256` resolves to the browser SHA-256, not node:crypto) and run inside the page.
 * esbuild comes with tsx/vite; playwright-core drives the system Chromium or the packaged one (tools/chromium.mjs).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors, type VectorCase } from './vectors.js';
import { chromiumForTests } from '../../tools/chromium.mjs';

const ENTRY = fileURLToPath(new URL('../src/draw/index.ts', import.meta.url));

/** The browser bundle: platform browser, conditions source → `#sha256` = sha256.web.ts. */
async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'FairdropDraw',
    platform: 'browser',
    conditions: ['source'],
    target: 'es2022',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

interface PageOutcome { name: string; backend: string; actual: Record<string, unknown>; proofOk: boolean; verifyOk: boolean }

/** Runs inside the page; receives the cases, returns what the bundled code computed. */
function runInPage(cases: VectorCase[]): PageOutcome[] {
  const D = (globalThis as unknown as { FairdropDraw: typeof import('../src/draw/index.js') }).FairdropDraw;
  return cases.map((c) => {
    const { record, seed, rejections, entries } = D.runDraw(c);
    const sample = c.expected.proofSample;
    const proof = sample ? D.inclusionProof(entries, sample.index) : null;
    return {
      name: c.name,
      backend: D.sha256Backend,
      actual: { commitment: record.commitment, root: record.root, seed, entryCount: record.entryCount, totalWeight: record.totalWeight, winners: record.winners, backups: record.backups, rejections, proofEntryId: proof?.entryId, proofPath: proof?.path },
      proofOk: proof ? D.verifyInclusion(proof, record.root, record.entryCount) : true,
      verifyOk: D.verifyDrawSync(record, c.entries).ok,
    };
  });
}

describe('fairdrop-draw-v1 vectors in Chromium', () => {
  let browser: Browser | undefined;
  let code = '';
  let outcomes: PageOutcome[] = [];
  const cases = loadVectors();

  beforeAll(async () => {
    code = await bundle();
    const { executablePath, args, env } = chromiumForTests();
    browser = await chromium.launch({ executablePath, args, env, timeout: 20_000 });
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.setContent('<!doctype html><title>draw vectors</title>');
    await page.addScriptTag({ content: code });
    outcomes = await page.evaluate(runInPage, cases);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('bundles without node:crypto, using the browser SHA-256', () => {
    expect(code).not.toMatch(/node:crypto/);
    expect(outcomes[0]?.backend).toMatch(/^js /);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('reproduces case %s exactly', (_name, i) => {
    const c = cases[i]!;
    const o = outcomes[i]!;
    const { proofSample, ...expected } = c.expected;
    expect(o.actual).toEqual({ ...expected, proofEntryId: proofSample?.entryId, proofPath: proofSample?.path });
    expect(o.proofOk).toBe(true);
    expect(o.verifyOk).toBe(true);
  });
});
