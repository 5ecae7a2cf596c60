// Issue 8.5: the widget's attribute, property, event, part and CSS-property tables in widget/README.md and
// docs/guide/embed.md are rendered from the custom-elements manifest, which is generated from the
// element's JSDoc — so the three cannot drift. Regenerate with `npm run manifest -w @fairdrop/widget`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS script without types
import { DOCS, fillBlocks, generateManifest, renderTables } from '../../widget/scripts/manifest.mjs';
import { ATTRS } from '../../widget/src/mount.js';

const manifest: string = generateManifest();
const tables = renderTables(manifest) as Record<string, string>;

describe('the widget’s manifest and its tables', () => {
  it('the checked-in custom-elements.json is what the JSDoc generates', () => {
    expect(readFileSync(new URL('../../widget/custom-elements.json', import.meta.url), 'utf8')).toBe(manifest);
  });

  for (const doc of DOCS as string[]) {
    it(`${doc.split('/').slice(-2).join('/')} shows the generated tables`, () => {
      const text = readFileSync(doc, 'utf8');
      expect(text).toContain('<!-- fair-drop:attributes -->');
      expect(fillBlocks(text, tables)).toBe(text);
    });
  }

  it('documents every attribute the one-tag embed passes on, and nothing it does not', () => {
    const documented = [...tables.attributes!.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ATTRS].sort());
  });
});
