/**
 * Issue 18.2: inside the workspace, the documented `node -e "import('@fairdrop/sdk/server')"` works
 * as written — no `--conditions=source`, no manual build: `npm install` builds the SDK (root `prepare`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('@fairdrop/sdk inside the workspace', () => {
  it('npm install builds it, so plain node imports every entry point', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build -w @fairdrop/sdk');
    const script = "Promise.all(['@fairdrop/sdk', '@fairdrop/sdk/server', '@fairdrop/sdk/rules', '@fairdrop/sdk/draw', '@fairdrop/sdk/webhooks'].map((m) => import(m)))"
      + ".then(([a, s, r]) => console.log(typeof a.createPublicClient, typeof s.createServerClient, typeof r.entryBreakdown))";
    // A clean environment: no NODE_OPTIONS conditions leak in from the test runner.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    expect(execFileSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' }).trim()).toBe('function function function');
  });
});
