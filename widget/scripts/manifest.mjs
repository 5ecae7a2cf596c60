// The custom-elements manifest (custom-elements.json) from the element's JSDoc, and the attribute,
// property, event, part and CSS-property tables of widget/README.md and docs/guide/embed.md rendered
// from it, between `<!-- fair-drop:NAME -->` and `<!-- /fair-drop:NAME -->`.
//   node scripts/manifest.mjs          regenerate the manifest and rewrite the tables
//   node scripts/manifest.mjs --check  exit 1 when the manifest or a table is out of date
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, '..', 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
export const DOCS = [join(root, 'README.md'), join(root, '..', 'docs', 'guide', 'embed.md')];

/** Runs the analyzer (custom-elements-manifest.config.mjs) into a scratch folder and returns the manifest text. */
export function generateManifest() {
  const out = join(root, '.cem');
  try {
    execFileSync(process.execPath, [cli, 'analyze', '--outdir', '.cem', '--quiet'], { cwd: root, stdio: 'pipe' });
    return JSON.stringify(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')), null, 2) + '\n';
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/** The tables, by block name, from a manifest. Undocumented (no JSDoc) attributes and fields are internal. */
export function renderTables(manifestText) {
  const m = JSON.parse(manifestText);
  const el = m.modules.flatMap((x) => x.declarations ?? []).find((d) => d.tagName === 'fair-drop');
  if (!el) throw new Error('no <fair-drop> in the manifest (is @tag fair-drop in the JSDoc?)');
  const attrs = (el.attributes ?? []).filter((a) => a.description);
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const props = (el.members ?? []).filter((p) => p.kind === 'field' && p.description && p.privacy !== 'private' && !attrFields.has(p.name) && !/@internal/.test(p.description));
  return {
    attributes: table(['attribute', 'property', 'meaning'], [
      ...attrs.map((a) => [`\`${a.name}\``, `\`${a.fieldName}\``, a.description]),
      ...props.map((p) => ['—', `\`${p.name}\`${p.readonly ? ' (read-only)' : ''}`, p.description]),
    ]),
    events: table(['event', 'detail and when'], (el.events ?? []).map((e) => [`\`${e.name}\``, e.description])),
    parts: table(['part', 'what'], (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description])),
    cssprops: table(['custom property', 'used for (light default)'], (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description])),
  };
}

/** `text` with each `<!-- fair-drop:NAME -->` block replaced by the table NAME. */
export function fillBlocks(text, tables) {
  return text.replace(/(<!-- fair-drop:(\w+) -->\n)[^]*?(\n<!-- \/fair-drop:\2 -->)/g, (all, open, name, close) => {
    if (!(name in tables)) throw new Error(`unknown table block "${name}"`);
    return `${open}${tables[name]}${close}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const manifest = generateManifest();
  const tables = renderTables(manifest);
  const stale = [];
  const file = join(root, 'custom-elements.json');
  const write = (path, text) => {
    let old = '';
    try { old = readFileSync(path, 'utf8'); } catch { /* new */ }
    if (old === text) return;
    if (check) stale.push(path); else writeFileSync(path, text);
  };
  write(file, manifest);
  for (const doc of DOCS) write(doc, fillBlocks(readFileSync(doc, 'utf8'), tables));
  if (stale.length) { console.error(`out of date (run node widget/scripts/manifest.mjs): ${stale.join(', ')}`); process.exit(1); }
}
