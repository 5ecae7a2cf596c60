// After `npm run build`: print the one embed tag for the hosted widget, with its Subresource
// Integrity hash (the API role serves dist/ at /v1/widget/<version>/, see server/src/http/routes/widget.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const integrity = `sha384-${createHash('sha384').update(readFileSync(join(root, 'dist', 'fair-drop.js'))).digest('base64')}`;
console.log(`fair-drop.js ${version}  integrity ${integrity}`);
console.log(`  <script type="module" src="https://YOUR-FAIRDROP-API/v1/widget/${version}/fair-drop.js" integrity="${integrity}" crossorigin="anonymous"></script>`);
