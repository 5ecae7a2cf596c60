// Bundle budgets (CI): builds dist/, prints gzip sizes, exits 1 when over budget.
// Budgets: main chunk (Lit + English copy + widget) ≤ 20 KB, worker ≤ 4 KB (KB = 1024 bytes).
// Main was 18 KB until issue 18 (truthful copy for every view, live odds, the after-draw check, action controllers) took it to ~19.2 KB.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = { main: 20 * 1024, worker: 4 * 1024 };

if (!process.argv.includes('--no-build')) {
  const vite = join(root, '../node_modules/vite/bin/vite.js');
  for (const mode of [[], ['--mode', 'worker'], ['--mode', 'classic']]) {
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error', ...mode], { cwd: root, stdio: 'inherit' });
  }
}

const gz = (file) => gzipSync(readFileSync(join(root, 'dist', file)), { level: 9 }).length;
const files = ['fair-drop.js', 'fair-drop.worker.js', 'fair-drop.iife.js', ...readdirSync(join(root, 'dist/chunks')).map((f) => `chunks/${f}`)];
for (const f of files) console.log(`${f.padEnd(36)} ${String(gz(f)).padStart(6)} B gzip`);

const main = gz('fair-drop.js');
const worker = gz('fair-drop.worker.js');
const over = [];
if (main > BUDGET.main) over.push(`main ${main} > ${BUDGET.main}`);
if (worker > BUDGET.worker) over.push(`worker ${worker} > ${BUDGET.worker}`);
console.log(`budgets: main ≤ ${BUDGET.main} B, worker ≤ ${BUDGET.worker} B gzip — ${over.length ? 'OVER: ' + over.join(', ') : 'ok'}`);
console.log(`RESULT ${JSON.stringify({ main_gzip_bytes: main, worker_gzip_bytes: worker })}`);
process.exit(over.length ? 1 : 0);
