/**
 * Classic-script entry (`fair-drop.iife.js`): `<script src=".../fair-drop.iife.js" data-drop="…"
 * data-publishable-key="…">` renders the widget where the tag stands. The worker is loaded
 * from next to this script (`fair-drop.worker.js`).
 */
import './define.js';
import { mountFromScript } from './mount.js';
import { setScriptBase } from './script-base.js';

if (typeof document === 'object') {
  const script = document.currentScript as HTMLScriptElement | null;
  setScriptBase(script?.src);
  mountFromScript(script);
}
