/**
 * Three library builds into dist/ (run by `npm run build`):
 *  - default:  ESM `fair-drop.js` + locale chunks (base './', so chunks resolve next to it)
 *  - worker:   `fair-drop.worker.js`, one self-contained module worker
 *  - classic:  `fair-drop.iife.js` for a plain `<script src>`; finds the worker next to itself
 *              through document.currentScript (import.meta.url is empty in an IIFE)
 */
import { defineConfig, type Plugin } from 'vite';

/** Collapse whitespace inside css`…` templates (Lit styles are strings the minifier keeps). */
const minifyCss: Plugin = {
  name: 'fairdrop-minify-css',
  transform(code, id) {
    if (!id.endsWith('styles.ts')) return null;
    return code.replace(/css`([^`]*)`/g, (_, body: string) => 'css`' + body
      .replace(/\/\*[^]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{}:;,>])\s*/g, '$1').replace(/;}/g, '}').trim() + '`');
  },
};

const conditions = ['source', 'browser', 'module', 'import', 'default'];

export default defineConfig(({ mode }) => {
  const common = {
    base: './',
    plugins: [minifyCss],
    resolve: { conditions },
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const build = { outDir: 'dist', target: 'es2022', minify: true, sourcemap: false, reportCompressedSize: false };
  if (mode === 'worker') {
    return { ...common, build: { ...build, emptyOutDir: false,
      lib: { entry: 'src/pow/pow.worker.ts', formats: ['es'], fileName: () => 'fair-drop.worker.js' },
      rollupOptions: { output: { minify: true } } } };
  }
  if (mode === 'classic') {
    return { ...common, build: { ...build, emptyOutDir: false,
      lib: { entry: 'src/classic.ts', formats: ['iife'], name: 'FairDrop', fileName: () => 'fair-drop.iife.js' },
      rollupOptions: { output: { minify: true } } } };
  }
  return { ...common, build: { ...build, emptyOutDir: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'fair-drop.js' },
    // Lib mode keeps ES whitespace for tree-shaking downstream; this file ships as is, so minify fully.
    rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } } } };
});
