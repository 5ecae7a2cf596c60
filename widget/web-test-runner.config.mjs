// @web/test-runner in the system Chromium, else the one inside @sparticuz/chromium (never a download).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumForTests } from '../tools/chromium.mjs';

const { executablePath, args, env } = chromiumForTests();

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  rootDir: '..',
  nodeResolve: { exportConditions: ['source', 'browser', 'module', 'import', 'default'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args,
        env,
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 100000,
};
