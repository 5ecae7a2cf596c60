#!/usr/bin/env node
// Launcher for `fairdrop-verify RECORD.json ENTRIES.ndjson`.
// A built package (dist/) runs the compiled CLI. In this repository the package is run
// from its TypeScript sources: the CLI is started in a child Node with tsx and the
// `source` export condition (so `#sha256` resolves to src/draw/sha256.node.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/cli/verify.main.js', import.meta.url);

if (existsSync(fileURLToPath(dist))) {
  await import(dist.href);
} else {
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    process.stderr.write('fairdrop-verify: no build found (dist/) and tsx is not installed; run `npm run build -w @fairdrop/sdk`\n');
    process.exit(2);
  }
  const main = fileURLToPath(new URL('../src/cli/verify.main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 2 : 0)));
}
