import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The widget's proof-of-work worker is a separate file; ship the built one next to the app.
const worker = fileURLToPath(import.meta.resolve('@fairdrop/widget/package.json').replace('package.json', 'dist/fair-drop.worker.js'));
const powWorker = (): Plugin => ({
  name: 'fairdrop-pow-worker',
  generateBundle() { this.emitFile({ type: 'asset', fileName: 'fair-drop.worker.js', source: readFileSync(worker) }); },
});

export default defineConfig({
  plugins: [powWorker()],
  build: { outDir: 'dist', emptyOutDir: true },
});
