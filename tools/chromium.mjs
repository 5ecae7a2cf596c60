/**
 * The Chromium every browser test launches (playwright-core, @web/test-runner): the system's
 * `/usr/bin/chromium` when it is installed, otherwise the headless Chromium that ships inside the
 * npm package `@sparticuz/chromium` (a devDependency; its binary is in the tarball, so nothing is
 * downloaded). The package's binary is unpacked once per checkout into
 * `node_modules/.cache/fairdrop-chromium/` (about 3 s; later calls reuse it).
 * @example
 * const { executablePath, args, env } = chromiumForTests();
 * const browser = await chromium.launch({ executablePath, args, env });
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Headless flags for tests: no GPU, no QUIC, no background traffic to Google. */
export const HEADLESS_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = join(root, 'node_modules', '.cache', 'fairdrop-chromium');

let resolved;

/**
 * Where Chromium is and how to launch it.
 * @returns {{ executablePath: string, args: string[], env: Record<string, string | undefined>, source: 'system' | '@sparticuz/chromium' }}
 */
export function chromiumForTests() {
  if (resolved) return resolved;
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return (resolved = { executablePath: system, args: HEADLESS_ARGS, env: { ...process.env }, source: 'system' });
  const dir = unpackPackagedChromium();
  // The package's own fonts.conf names Lambda paths; ours names the unpacked fonts and the system's.
  return (resolved = { executablePath: join(dir, 'chromium'), args: HEADLESS_ARGS, env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, source: '@sparticuz/chromium' });
}

/** Unpack into a private temporary folder, then rename it into place, so parallel test files never see half a binary. */
function unpackPackagedChromium() {
  const version = packageVersion();
  const dir = join(cacheRoot, version);
  if (existsSync(join(dir, 'chromium'))) return dir;
  mkdirSync(cacheRoot, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp);
  try {
    // The package unpacks into os.tmpdir(); a child process with TMPDIR=tmp keeps it out of the shared /tmp.
    const script = "const c = (await import('@sparticuz/chromium')).default; c.setGraphicsMode = false; process.stdout.write(await c.executablePath());";
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'inherit'] });
    writeFileSync(join(tmp, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts', 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <dir>/usr/local/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`);
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(join(dir, 'chromium'))) return dir; // another test process won the race
    throw new Error(`No Chromium: /usr/bin/chromium is not installed and @sparticuz/chromium could not be unpacked (run npm install). ${e instanceof Error ? e.message : e}`);
  }
  return dir;
}

/** The installed package's version (npm hoists it to the root node_modules). */
function packageVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8')).version;
  } catch {
    throw new Error('No Chromium: /usr/bin/chromium is not installed and the devDependency @sparticuz/chromium is missing. Run npm install.');
  }
}
