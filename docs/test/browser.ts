/**
 * Chromium through playwright-core (the system's, else the one inside @sparticuz/chromium; never a
 * downloaded browser), with every request that would leave 127.0.0.1 blocked and recorded.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumForTests } from '../../tools/chromium.mjs';

export async function launch(): Promise<Browser> {
  const { executablePath, args, env } = chromiumForTests();
  return chromium.launch({ executablePath, args, env });
}

/** A context that aborts requests to any host but 127.0.0.1 and lists them in `offsite`. */
export async function localOnlyContext(browser: Browser): Promise<{ context: BrowserContext; offsite: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && url.hostname !== '127.0.0.1') {
      offsite.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  return { context, offsite };
}
