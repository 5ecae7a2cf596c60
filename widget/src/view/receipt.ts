/** The registration receipt, with the "verify the draw" link. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ctx } from './context.js';
import { formatMoney } from './pricing.js';
import { fmt } from '../i18n/index.js';

const pct = (lang: string, x: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: x < 0.1 ? 1 : 0 }).format(x);

export function receipt(c: Ctx): TemplateResult | typeof nothing {
  const r = c.me?.receipt;
  if (!r) return nothing;
  const cur = c.drop?.ticketPrice?.currency;
  const num = new Intl.NumberFormat(c.lang);
  return html`<dl part="receipt" class="receipt">
      <dt>${c.t.entryId}</dt><dd><code>${r.entryId}</code></dd>
      <dt>${c.t.tickets}</dt><dd>${num.format(r.tickets)}</dd>
      <dt>${c.t.weight}</dt><dd>${num.format(r.weight)}</dd>
      ${r.breakdown.amount > 0
        ? html`<dt>${c.t.paid}</dt><dd>${formatMoney(r.breakdown.amount, cur, c.lang)}</dd>` : nothing}
    </dl>
    <p class="odds">${fmt(c.t.odds, { odds: pct(c.lang, r.oddsEstimate) })}</p>
    <a part="link" class="link" href=${c.verifyUrl(r.entryId)} target="_blank" rel="noopener">${c.t.verify}</a>`;
}
