/**
 * The built widget (`@fairdrop/widget`'s dist/), read once into memory so the API role can serve
 * it like Stripe serves Stripe.js: the files, the version they belong to, and the Subresource
 * Integrity hash of `fair-drop.js` for the embed tag.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export interface WidgetBundle {
  version: string;
  /** Path inside dist/ (`fair-drop.js`, `chunks/de-….js`) → bytes. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
  /** `sha384-…` of fair-drop.js. */
  integrity: string;
}

export const sri = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The widget package's folder, found through the workspace's module resolution. */
export function widgetPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@fairdrop/widget/package.json'));
}

/** Reads `dir/dist`; null when the widget was not built (`npm run build -w @fairdrop/widget`). */
export function loadWidgetBundle(dir = widgetPackageDir()): WidgetBundle | null {
  const dist = join(dir, 'dist');
  if (!existsSync(join(dist, 'fair-drop.js'))) return null;
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.js')) files.set(relative(dist, full).split('\\').join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dist);
  return { version, files, integrity: sri(files.get('fair-drop.js')!) };
}

/** The one tag a merchant pastes, for an API at `apiUrl`. */
export function embedTag(apiUrl: string, b: WidgetBundle): string {
  return `<script type="module" src="${apiUrl.replace(/\/$/, '')}/v1/widget/${b.version}/fair-drop.js" integrity="${b.integrity}" crossorigin="anonymous"></script>`;
}
