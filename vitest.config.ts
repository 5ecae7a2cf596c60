import { defineConfig } from 'vitest/config';

// `source` makes workspace packages resolve to their TypeScript sources (see sdk/package.json exports).
const conditions = ['source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: ['sdk/**/*.test.ts', 'server/**/*.test.ts', 'docs/test/**/*.test.ts', 'examples/**/*.test.ts', 'verify/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
