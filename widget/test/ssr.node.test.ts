// SSR safety: importing the widget on a server (no window, no document) must not crash, and
// module evaluation must not read the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the widget modules import in Node without a DOM and without reading Date.now', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const realNow = Date.now;
  let reads = 0;
  Date.now = () => { reads++; return realNow(); };
  try {
    const mod = await import('../src/index.js');
    await import('../src/classic.js');
    assert.equal(typeof mod.FairDrop, 'function');
    assert.equal(typeof mod.defineFairDrop, 'function');
  } finally {
    Date.now = realNow;
  }
  assert.equal(reads, 0);
});

test('view derivation is pure and runs on a server', async () => {
  const { deriveView } = await import('../src/view/derive.js');
  assert.equal(deriveView({ identified: false }), 'loading');
  assert.equal(deriveView({ identified: false, fatal: true }), 'unavailable');
});
