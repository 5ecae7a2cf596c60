/**
 * ESM entry (`fair-drop.js`): defines `<fair-drop>`, and mounts the one-tag embed when loaded as
 * `<script type="module" src=".../fair-drop.js" data-drop="…" data-publishable-key="…">`.
 */
import './define.js';
import { mountFromSrc } from './mount.js';
import { setScriptBase } from './script-base.js';

setScriptBase(import.meta.url);
mountFromSrc(import.meta.url);

export { FairDrop } from './fair-drop.js';
export { defineFairDrop } from './define.js';
export type { FairDropEventDetails, FairDropEventName, FairDropEvent } from './events.js';
export type * from './types.js';
