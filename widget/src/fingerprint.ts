/**
 * A small in-house collector of stable browser traits. `visitorId` is a 53-bit hash of
 * them: stable across visits of one browser, not a tracking identifier across sites (it is
 * only ever sent to the drop's API). Optional FingerprintJS Pro when the merchant sets a key.
 */
import type { components } from '@fairdrop/sdk/schema';

export type Fingerprint = components['schemas']['Fingerprint'];
type Traits = Record<string, string | number | boolean>;

/** cyrb53: a fast, well-mixed 53-bit string hash. */
export function hash53(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export function collectTraits(): Traits {
  const n = navigator as Navigator & { deviceMemory?: number };
  const s = screen;
  return {
    ua: hash53(n.userAgent),
    lang: n.language,
    langs: (n.languages || []).join(','),
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone || '',
    tzOffset: new Date().getTimezoneOffset(),
    screen: `${s.width}x${s.height}x${s.colorDepth}`,
    dpr: devicePixelRatio,
    cores: n.hardwareConcurrency || 0,
    memory: n.deviceMemory || 0,
    touch: n.maxTouchPoints || 0,
    platform: n.platform || '',
    cookies: n.cookieEnabled,
    pdf: !!(n as { pdfViewerEnabled?: boolean }).pdfViewerEnabled,
  };
}

/** FingerprintJS Pro requestId, or undefined (no key, blocked, offline or slow). */
async function proRequestId(key: string, timeoutMs: number): Promise<string | undefined> {
  const url = `https://fpjscdn.net/v3/${encodeURIComponent(key)}`;
  const work = (async () => {
    const mod = await import(/* @vite-ignore */ url);
    const agent = await mod.load();
    return (await agent.get()).requestId as string;
  })();
  const timeout = new Promise<undefined>((r) => setTimeout(r, timeoutMs, undefined));
  return Promise.race([work, timeout]).catch(() => undefined);
}

export async function collectFingerprint(proKey?: string): Promise<Fingerprint> {
  const components = collectTraits();
  const fp: Fingerprint = { visitorId: hash53(JSON.stringify(components)), components };
  if (proKey) {
    const id = await proRequestId(proKey, 3000);
    if (id) fp.proRequestId = id;
  }
  return fp;
}
