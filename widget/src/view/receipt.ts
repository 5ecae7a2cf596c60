/** The registration receipt (live odds while registration is open) and, after the draw, the check. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ctx } from './context.js';
import { formatMoney, liveOdds } from './pricing.js';
import { fmt } from '../i18n/index.js';

const pct = (lang: string, x: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: x < 0.1 ? 1 : 0 }).format(x);

export function receipt(c: Ctx): TemplateResult | typeof nothing {
  const r = c.me?.receipt;
  if (!r) return nothing;
  const cur = c.drop?.ticketPrice?.currency;
  const num = new Intl.NumberFormat(c.lang);
  const b = r.breakdown;
  const open = c.drop?.phase === 'registration';
  return html`<dl part="receipt" class="receipt">
      <dt>${c.t.entryId}</dt><dd><code>${r.entryId}</code></dd>
      <dt>${c.t.tickets}</dt><dd>${num.format(r.tickets)}</dd>
      ${b.rollover > 0 ? html`<dt>${c.t.creditsUsed}</dt><dd>${fmt(c.t.creditsUsedValue, { n: b.rollover })}</dd>` : nothing}
      <dt>${c.t.weight}</dt><dd>${num.format(r.weight)}</dd>
      ${b.amount > 0 ? html`<dt>${c.t.paid}</dt><dd>${formatMoney(b.amount, cur, c.lang)}</dd>` : nothing}
    </dl>
    ${open && c.drop ? html`<p class="odds">${fmt(c.t.odds, { odds: pct(c.lang, liveOdds(c.drop, r)) })}</p>` : nothing}`;
}

function checkResult(c: Ctx): TemplateResult | typeof nothing {
  const k = c.checked;
  if (!k) return html`<button part="button secondary" class="secondary" @click=${c.on.check}>${c.t.check}</button>`;
  if (k === 'pending') return html`<p class="muted">${c.t.checking}</p>`;
  if (k === 'failed') return html`<p class="muted">${c.t.checkUnavailable}</p>`;
  if (!k.included) return html`<p class="bad">${c.t.checkFail}</p>`;
  const where = k.winnerIndex >= 0 ? fmt(c.t.checkWinner, { k: k.winnerIndex + 1 })
    : k.backupIndex >= 0 ? fmt(c.t.checkBackup, { k: k.backupIndex + 1 }) : c.t.checkNone;
  return html`<p class="good">${fmt(c.t.checkOk, { n: k.entryCount })} ${where}</p>
    <p class="muted small">${c.t.recordRoot} <code class="hash">${k.root.slice(0, 16)}…</code></p>`;
}

/** After the draw: the entry id, an in-browser check of it, and the drop's verification page. */
export function afterDraw(c: Ctx): TemplateResult | typeof nothing {
  if (!c.drop?.draw) return nothing;
  const id = c.me?.receipt?.entryId;
  return html`<div part="verify" class="verify">
    ${id ? html`<p class="entry-line">${c.t.entryId} <code>${id}</code></p>${checkResult(c)}` : nothing}
    <a part="link" class="link" href=${c.verifyUrl} target="_blank" rel="noopener">${c.t.verify}</a>
  </div>`;
}
