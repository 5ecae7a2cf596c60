/**
 * The three engines a shopper uses, behind one small interface for the end-to-end tests:
 * Chromium (playwright-core), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK —
 * Safari's engine — (WebKitWebDriver under Xvfb, selenium-webdriver). Each is available only
 * when its binaries are installed (`.ci/run` installs them); a missing one is named, never hidden.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { freePort, waitFor } from '../../../server/test/harness.js';
import { chromiumForTests } from '../../../tools/chromium.mjs';

export interface Driver {
  readonly name: string;
  goto(url: string): Promise<void>;
  /** Runs `body` (a function body that may `return`) in the page. */
  run<T>(body: string): Promise<T>;
  screenshot(path: string): Promise<void>;
  /** Uncaught page errors seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface Engine { name: 'chromium' | 'firefox' | 'webkit'; missing: string[]; launch(): Promise<Driver> }

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';
const wrap = (body: string) => `(() => { ${body} })()`;
const absent = (...paths: string[]) => paths.filter((p) => !existsSync(p));

// Chromium is always there: the system's, or the one inside @sparticuz/chromium (tools/chromium.mjs).
const chromium: Engine = {
  name: 'chromium', missing: [],
  async launch() {
    const { chromium: pw } = await import('playwright-core');
    const { executablePath, args, env } = chromiumForTests();
    const browser = await pw.launch({ executablePath, args, env });
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return {
      name: 'chromium', errors,
      goto: async (url) => { await page.goto(url); },
      run: (body) => page.evaluate(wrap(body)),
      screenshot: async (path) => { await page.screenshot({ path }); },
      close: () => browser.close(),
    };
  },
};

const firefox: Engine = {
  name: 'firefox', missing: absent(FIREFOX),
  async launch() {
    const puppeteer = (await import('puppeteer-core')).default;
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
    return {
      name: 'firefox', errors,
      goto: async (url) => { await page.goto(url); },
      run: (body) => page.evaluate(wrap(body)) as Promise<never>,
      screenshot: async (path) => { await page.screenshot({ path: path as `${string}.png` }); },
      close: () => browser.close(),
    };
  },
};

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); setTimeout(() => { child.kill('SIGKILL'); r(); }, 3000).unref(); });
}

/** A free X display number (no socket in /tmp/.X11-unix). */
function freeDisplay(): number {
  for (let n = 90 + Math.floor(Math.random() * 100); ; n++) if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
}

const webkit: Engine = {
  name: 'webkit', missing: absent(WEBKIT_DRIVER, MINIBROWSER, XVFB),
  async launch() {
    const display = freeDisplay();
    const xvfb = spawn(XVFB, [`:${display}`, '-screen', '0', '1280x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await waitFor('Xvfb', async () => existsSync(`/tmp/.X11-unix/X${display}`), 10_000);
    const port = await freePort();
    const driverProc = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: `:${display}` }, stdio: 'ignore' });
    const { Builder } = await import('selenium-webdriver');
    let driver: import('selenium-webdriver').WebDriver;
    try {
      await waitFor('WebKitWebDriver', async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 10_000);
      driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      }).build();
      await driver.manage().window().setRect({ width: 1200, height: 900 });
    } catch (e) { await stop(driverProc); await stop(xvfb); throw e; }
    const errors: string[] = [];
    // WebKitWebDriver has no console-log endpoint: collect uncaught errors with a listener after each navigation.
    const collect = async () => {
      const got = await driver.executeScript<string[]>('const e = window.__e2eErrors || []; window.__e2eErrors = []; return e;').catch(() => []);
      errors.push(...got);
    };
    return {
      name: 'webkit', errors,
      goto: async (url) => {
        await driver.get(url);
        await driver.executeScript("window.__e2eErrors = window.__e2eErrors || []; addEventListener('error', (e) => window.__e2eErrors.push(String(e.message))); addEventListener('unhandledrejection', (e) => window.__e2eErrors.push(String(e.reason)));");
      },
      run: async <T>(body: string) => { const r = await driver.executeScript<T>(body); await collect(); return r; },
      // Element shots come back partly black in WebKitGTK; the full window is right.
      screenshot: async (path) => { writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64')); },
      close: async () => { await driver.quit().catch(() => {}); await stop(driverProc); await stop(xvfb); },
    };
  },
};

export const ENGINES: Engine[] = [chromium, firefox, webkit];
