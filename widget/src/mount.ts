/**
 * The one-tag embed: a `<script … data-drop="…" data-publishable-key="…">` renders a
 * `<fair-drop>` right where it stands, with every `data-*` attribute passed on.
 */
export const ATTRS = ['drop', 'publishable-key', 'api', 'sse-url', 'shopper-token', 'lang', 'checkout-url', 'item-name', 'login-url', 'fingerprint-pro-key', 'pow-worker-url'];

export function mountFromScript(script: HTMLScriptElement | null | undefined): HTMLElement | undefined {
  if (!script?.dataset.drop || script.dataset.fairdropMounted) return undefined;
  script.dataset.fairdropMounted = '1';
  const el = document.createElement('fair-drop');
  for (const a of ATTRS) {
    const v = script.getAttribute(`data-${a}`);
    if (v) el.setAttribute(a, v);
  }
  script.after(el);
  return el;
}

/** Mount for every script tag whose src is `src` (ES modules have no currentScript). */
export function mountFromSrc(src: string): void {
  if (typeof document !== 'object') return;
  for (const s of document.querySelectorAll<HTMLScriptElement>('script[data-drop][src]')) {
    if (s.src === src) mountFromScript(s);
  }
}
