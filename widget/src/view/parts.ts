/** Small shared templates: header, countdown, error banner, footer. */
import { html, nothing, type TemplateResult } from 'lit';
import { fmt, type MessageKey } from '../i18n/index.js';
import type { Ctx } from './context.js';
import { clockText, spanText } from './time.js';

export function heading(c: Ctx, title: string, body?: string | TemplateResult): TemplateResult {
  return html`<div class="status" role="status" aria-live="polite" aria-atomic="true">
    <h2 id="title" part="title" tabindex="-1">${title}</h2>
    ${body ? html`<p part="body">${body}</p>` : nothing}
  </div>`;
}

/**
 * A visible countdown (role=timer, not live) plus a visually hidden polite region whose text
 * only changes at milestones, so a screen reader hears "5 minutes", not every second.
 */
export function countdown(c: Ctx, label: string, target: string | undefined, announce: MessageKey): TemplateResult | typeof nothing {
  if (!target) return nothing;
  const ms = Date.parse(target) - c.now;
  return html`<div part="countdown" class="countdown">
      <span class="label" id="cd-label">${label}</span>
      <span class="digits" role="timer" aria-labelledby="cd-label">${clockText(ms)}</span>
    </div>
    <p class="sr" aria-live="polite">${ms > 0 ? fmt(c.t[announce], { span: spanText(ms, c.lang) }) : ''}</p>`;
}

export function errorBanner(c: Ctx): TemplateResult | typeof nothing {
  const e = c.error;
  if (!e) return nothing;
  const key = `e_${e.code}` as MessageKey;
  // A setup problem (key, origin) is not "something on our side": the store must fix it.
  const text = key in c.t ? c.t[key] : c.t.e_generic;
  const wait = c.retryIn > 0;
  const action = e.code === 'location_required'
    ? html`<button part="button secondary" class="secondary" @click=${c.on.shareLocation}>${c.t.shareLocation}</button>`
    : html`<button part="button secondary" class="secondary" ?disabled=${wait} @click=${c.on.retry}>
        ${wait ? fmt(c.t.retryIn, { s: c.retryIn }) : c.t.retry}</button>`;
  return html`<div part="error" class="error" role="alert">
    <p>${text}</p>${action}
  </div>`;
}

export function footer(c: Ctx): TemplateResult {
  const n = c.drop?.counts?.entries;
  const phase = c.drop?.phase;
  const showCount = n !== undefined && (phase === 'registration' || phase === 'closed');
  return html`<footer part="footer">
    <span>${c.t.brand}</span>
    ${c.live === 'offline' ? html`<span class="offline">${c.t.offline}</span>`
      : showCount ? html`<span>${fmt(c.t.entries, { n: new Intl.NumberFormat(c.lang).format(n) })}</span>` : nothing}
  </footer>`;
}
