// After `redocly build-docs --inlineBundle`: the bundle is inline, but Redoc's "API docs by
// Redocly" badge still loads its logo from cdn.redoc.ly. Point it at nothing (the component
// hides the image when it fails to load), so the page makes no request off this site.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../public/api/index.html', import.meta.url);
const html = readFileSync(file, 'utf8');
const out = html.replace(/https:\/\/cdn\.redoc\.ly\/[A-Za-z0-9/._-]+/g, 'data:,');
writeFileSync(file, out);
const left = out.match(/<(?:script|link)[^>]+(?:src|href)="https?:\/\/[^"]+"/g) ?? [];
if (left.length) {
  console.error(`self-host-api: external assets remain in the API reference:\n${left.join('\n')}`);
  process.exit(1);
}
console.log(`self-host-api: ${html.length - out.length === 0 ? 'nothing to rewrite' : 'CDN references removed'}; no external scripts or styles.`);
