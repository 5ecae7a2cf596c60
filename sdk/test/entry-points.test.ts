/**
 * The browser entry stays browser-safe: bundled for the browser it pulls no `node:` module,
 * no jose and no server-side client, and stays small.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('entry points', () => {
  it('bundles @fairdrop/sdk for browsers without Node-only or server code', async () => {
    const r = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', conditions: ['source'], minify: true, write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || /\/jose\/|sha256\.node|client\/server|shopper-token/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('sha256.web.ts'))).toBe(true);
    // The verifier checks drand's BLS signature (DRAW-SPEC §4.1): @noble/curves' BLS12-381 is ~45 KB of it.
    expect(r.outputFiles[0]!.contents.byteLength).toBeLessThan(120_000);
  });
});
