/** Registers `<fair-drop>` (once; safe to import twice). */
import { FairDrop } from './fair-drop.js';

export function defineFairDrop(tag = 'fair-drop'): void {
  if (typeof customElements === 'object' && !customElements.get(tag)) customElements.define(tag, FairDrop);
}

defineFairDrop();

declare global {
  interface HTMLElementTagNameMap { 'fair-drop': FairDrop }
}
