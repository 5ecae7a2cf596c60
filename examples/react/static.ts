/** The React example's tiny server: the built app from `dist`, plus `/config.json`. A missing file is a 404, never a crash. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

export function appHandler(dist: string, config: () => Promise<unknown>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/config.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await config()));
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    let body: Buffer;
    // Read first, answer once: a missing file (the browser's /favicon.ico) gets one 404.
    try { body = await readFile(file); } catch { return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  };
}
