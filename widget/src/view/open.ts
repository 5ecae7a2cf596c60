/** Registration open: the ticket selector with quadratic prices, credits and odds. */
import { html, nothing, type TemplateResult } from 'lit';
import { fmt } from '../i18n/index.js';
import type { Ctx } from './context.js';
import { formatMoney, quote, ticketPrice } from './pricing.js';

export function ticketSelector(c: Ctx): TemplateResult {
  const d = c.drop!;
  const credits = c.me?.rolloverCredits ?? 0;
  const max = Math.max(1, d.maxTickets || 1);
  const n = Math.min(c.tickets, max);
  const q = quote(d, n, credits);
  const money = (a: number) => (a === 0 ? c.t.free : formatMoney(a, d.ticketPrice?.currency, c.lang));
  const pct = new Intl.NumberFormat(c.lang, { style: 'percent', maximumFractionDigits: q.odds < 0.1 ? 1 : 0 });
  const hint = n >= max
    ? (max > 1 ? c.t.maxReached : c.t.ticketFree)
    : fmt(c.t.nextTicket, { n: n + 1, price: money(ticketPrice(d, n + 1, credits)) });
  const stepper = max > 1
    ? html`<div class="stepper" role="group" aria-labelledby="tickets-label">
        <button part="stepper-button" class="step" aria-label=${c.t.fewer} ?disabled=${n <= 1} @click=${c.on.fewer}>−</button>
        <output id="tickets-out" aria-live="polite" aria-labelledby="tickets-label tickets-out">${n}</output>
        <button part="stepper-button" class="step" aria-label=${c.t.more} ?disabled=${n >= max} @click=${c.on.more}>+</button>
      </div>`
    : nothing;
  return html`<div part="tickets" class="tickets">
    <div class="row"><span id="tickets-label">${c.t.tickets}</span>${stepper}</div>
    <ul class="breakdown">
      ${credits > 0 ? html`<li>${fmt(c.t.rollover, { n: credits })}</li>` : nothing}
      ${q.free ? html`<li>${c.t.ticketFree}</li>` : nothing}
      <li class="hint">${hint}</li>
    </ul>
    <div class="row total"><span>${c.t.total}</span><strong>${money(q.amount)}</strong></div>
    <p class="odds">${fmt(c.t.odds, { odds: pct.format(q.odds) })}</p>
    <button part="button primary" class="primary" ?disabled=${c.retryIn > 0} @click=${c.on.register}>${c.t.enter}</button>
  </div>`;
}

export function solving(c: Ctx, sending: boolean): TemplateResult {
  const pct = Math.round(c.progress * 100);
  return html`<div class="progress-wrap">
    <div part="progress" class="progress" role="progressbar" aria-label=${c.t.solving}
      aria-valuemin="0" aria-valuemax="100" aria-valuenow=${sending ? 100 : pct}>
      <div class="bar" style="width:${sending ? 100 : Math.max(4, pct)}%"></div>
    </div>
    ${sending ? nothing : html`<button part="button secondary" class="secondary" @click=${c.on.cancel}>${c.t.cancel}</button>`}
  </div>`;
}
