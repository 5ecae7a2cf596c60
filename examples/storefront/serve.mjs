// Serve the storefront with the built widget at / (fair-drop.js and its chunks beside it):
//   npm run build -w @fairdrop/widget && node examples/storefront/serve.mjs   → http://127.0.0.1:3005
// `npm start` (the server package) may serve the same two folders itself.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../widget/scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.STOREFRONT_PORT ?? 3005);
await serveStatic([['/', here], ['/', join(here, '../../widget/dist')]], port);
console.log(`storefront: http://127.0.0.1:${port}/?drop=<id>&key=<pk_…>&api=http://127.0.0.1:3003&sse=http://127.0.0.1:3004`);
