/** Registration open: the ticket selector with quadratic prices, credits and odds. */
import { html, nothing, type TemplateResult } from 'lit';
import { fmt } from '../i18n/index.js';
import type { Ctx } from './context.js';
import { formatMoney, quote, ticketPrice } from './pricing.js';

/** The line under the stepper: what the next ticket would cost, or why there is none. */
function nextHint(c: Ctx, n: number, max: number, money: (a: number) => string): string {
  const d = c.drop!;
  if (max <= 1) return c.credits > 0 ? fmt(c.t.rolloverNoRoom, { n: c.credits }) : '';
  if (n >= max) return c.t.maxReached;
  const price = ticketPrice(d, n + 1, c.credits);
  if (price > 0) return fmt(c.t.nextTicket, { n: n + 1, price: money(price) });
  return fmt(quote(d, n + 1, c.credits).rollover > quote(d, n, c.credits).rollover ? c.t.nextCredit : c.t.nextFree, { n: n + 1 });
}

export function ticketSelector(c: Ctx): TemplateResult {
  const d = c.drop!;
  const max = Math.max(1, d.maxTickets || 1);
  const n = Math.min(c.tickets, max);
  const q = quote(d, n, c.credits);
  const money = (a: number) => (a === 0 ? c.t.free : formatMoney(a, d.ticketPrice?.currency, c.lang));
  const pct = new Intl.NumberFormat(c.lang, { style: 'percent', maximumFractionDigits: q.odds < 0.1 ? 1 : 0 });
  const hint = nextHint(c, n, max, money);
  const selector = max > 1
    ? html`<div class="row"><span id="tickets-label">${c.t.tickets}</span>
      <div class="stepper" role="group" aria-labelledby="tickets-label">
        <button part="stepper-button" class="step" aria-label=${c.t.fewer} ?disabled=${n <= 1} @click=${c.on.fewer}>−</button>
        <output id="tickets-out" aria-live="polite" aria-labelledby="tickets-label tickets-out">${n}</output>
        <button part="stepper-button" class="step" aria-label=${c.t.more} ?disabled=${n >= max} @click=${c.on.more}>+</button>
      </div></div>`
    : nothing;
  return html`<div part="tickets" class="tickets">
    ${selector}
    <ul class="breakdown">
      <li>${max > 1 ? c.t.ticketFree : c.t.oneEntry}</li>
      ${q.rollover > 0 ? html`<li>${fmt(c.t.rollover, { n: q.rollover })}</li>` : nothing}
      ${hint ? html`<li class="hint">${hint}</li>` : nothing}
    </ul>
    ${max > 1 ? html`<div class="row total"><span>${c.t.total}</span><strong>${money(q.amount)}</strong></div>` : nothing}
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
