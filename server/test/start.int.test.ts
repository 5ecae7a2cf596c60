/**
 * `npm start` as a newcomer runs it (issue 18.1, 18.3, 18.19): the banner prints the hosted
 * widget's embed tag with its SRI hash and how long the demo drop stays open; the bare storefront
 * URL shows the demo drop from the API's widget; Restate's update-check error is not printed;
 * and a restart after the demo drop closed starts a fresh one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, serverDir, waitFor } from './harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'fairdrop-start-'));
let child: ChildProcess | undefined;
afterAll(async () => { await stop(); rmSync(dataDir, { recursive: true, force: true }); });

const ports = async () => ({
  RESTATE_INGRESS_PORT: await freePort(), RESTATE_ADMIN_PORT: await freePort(), RESTATE_NODE_PORT: await freePort(),
  API_PORT: await freePort(), SSE_PORT: await freePort(), RESTATE_ENDPOINT_PORT: await freePort(), STOREFRONT_PORT: await freePort(),
});

async function run(env: Record<string, number>): Promise<{ out: () => string; err: () => string }> {
  let out = ''; let err = '';
  const e = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
  child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/start.ts'], {
    cwd: serverDir, env: { ...process.env, ...e, FAIRDROP_DATA_DIR: dataDir, RESTATE_LOGGING: 'WARN', NATS_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: false,
  });
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { err += d; });
  await waitFor('the banner', async () => out.includes('Ctrl-C stops everything'), 60_000, 200);
  return { out: () => out, err: () => err };
}

function stop(): Promise<void> {
  const c = child;
  child = undefined;
  if (!c || c.exitCode !== null) return Promise.resolve();
  return new Promise((r) => { c.once('exit', () => r()); c.kill('SIGINT'); setTimeout(() => { c.kill('SIGKILL'); r(); }, 15_000).unref(); });
}

describe('npm start', () => {
  it('prints the embed tag with SRI and the demo window, serves the demo drop at the bare storefront URL, without Restate’s update-check error', async () => {
    const env = await ports();
    const { out, err } = await run(env);
    const banner = out();
    const tag = /Embed tag\s+(<script type="module" src="(http:\/\/127\.0\.0\.1:\d+\/v1\/widget\/[^"]+\/fair-drop\.js)" integrity="(sha384-[^"]+)" crossorigin="anonymous"><\/script>)/.exec(banner);
    expect(tag, banner).not.toBeNull();
    expect(banner).toMatch(/registration open for \d+ more minutes?, until /);
    expect(err()).not.toMatch(/octocrab|ERROR/);

    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { dropId: string; publishableKey: string; secretKey: string };
    const page = await (await fetch(`http://127.0.0.1:${env.STOREFRONT_PORT}/`)).text();
    expect(page).toContain(`data-drop="${demo.dropId}"`);
    expect(page).toContain(`data-publishable-key="${demo.publishableKey}"`);
    expect(page).toContain(`src="${tag![2]}" integrity="${tag![3]}"`);
    // The tag's hash is the served file's.
    const served = await fetch(tag![2]!);
    expect(served.headers.get('fairdrop-integrity')).toBe(tag![3]);

    // Close the demo drop (as its timer would), restart: a fresh one opens.
    const draw = await fetch(`http://127.0.0.1:${env.API_PORT}/v1/drops/${demo.dropId}/draw`, { method: 'POST', headers: { authorization: `Bearer ${demo.secretKey}` } });
    expect(draw.status).toBe(200);
    await stop();
    const again = await run(await ports());
    const next = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { dropId: string };
    expect(next.dropId).not.toBe(demo.dropId);
    expect(again.out()).toContain(`Demo drop    ${next.dropId}  registration open for`);
    await stop();
  }, 150_000);
});
