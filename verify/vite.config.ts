/**
 * The verify page: index.html + one module script + one module worker, all in dist/, with
 * relative URLs (base './') so the API role can serve them under /verify/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', minify: true, sourcemap: false, reportCompressedSize: false, modulePreload: false },
});
