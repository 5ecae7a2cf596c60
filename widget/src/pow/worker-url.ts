export const WORKER_FILE = 'fair-drop.worker.js';

/**
 * Create the PoW module worker from `url` (default: `fair-drop.worker.js` beside the widget
 * script at `base`). A cross-origin script URL is wrapped in a same-origin blob module.
 */
export function createPowWorker(url: string | undefined, base: string): Worker {
  const href = new URL(url || WORKER_FILE, base).href;
  try {
    if (new URL(href).origin !== location.origin) throw new Error('cross-origin');
    return new Worker(href, { type: 'module' });
  } catch {
    const src = `import ${JSON.stringify(href)};`;
    return new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), { type: 'module' });
  }
}
