/** The widget's body for each view; composed from the small templates beside it. */
import { html, nothing, type TemplateResult } from 'lit';
import { fmt } from '../i18n/index.js';
import type { Ctx } from './context.js';
import { countdown, errorBanner, footer, heading } from './parts.js';
import { solving, ticketSelector } from './open.js';
import { receipt } from './receipt.js';
import { dateText } from './time.js';

function buy(c: Ctx, promoted: boolean): TemplateResult {
  const t = c.t;
  return html`${heading(c, promoted ? t.promoted : t.won, promoted ? t.promotedBody : t.wonBody)}
    ${countdown(c, t.buyWithin, c.me?.purchaseDeadline, 'aBuyWithin')}
    <button part="button primary" class="primary buy" @click=${c.on.buy}>${t.buy}</button>`;
}

function lost(c: Ctx): TemplateResult {
  const earned = c.me?.rolloverCreditsEarned ?? 0;
  return html`${heading(c, c.t.lost, c.t.lostBody)}
    ${earned > 0 ? html`<p part="note" class="note">${fmt(c.t.lostCredits, { n: earned })}</p>` : nothing}
    <p class="muted">${c.t.lostCheer}</p>`;
}

function body(c: Ctx): TemplateResult {
  const { t, drop } = c;
  switch (c.view) {
    case 'loading':
      return html`${heading(c, t.loading)}<div class="skeleton" aria-hidden="true"></div>`;
    case 'unavailable':
      return heading(c, t.unavailable);
    case 'scheduled':
      return html`${heading(c, fmt(t.opensAt, { time: dateText(drop!.opensAt, c.lang) }), t.scheduledBody)}
        ${countdown(c, t.opensIn, drop!.opensAt, 'aOpensIn')}`;
    case 'open':
      return html`${heading(c, t.open)}${countdown(c, t.closesIn, drop!.closesAt, 'aClosesIn')}${ticketSelector(c)}`;
    case 'signin':
      return html`${heading(c, t.open, t.signin)}${countdown(c, t.closesIn, drop!.closesAt, 'aClosesIn')}`;
    case 'solving':
    case 'sending':
      return html`${heading(c, c.view === 'solving' ? t.solving : t.sending, t.solvingBody)}${solving(c, c.view === 'sending')}`;
    case 'registered':
      return html`${heading(c, t.registered, t.registeredBody)}${countdown(c, t.closesIn, drop!.closesAt, 'aClosesIn')}${receipt(c)}`;
    case 'drawing':
      return html`${heading(c, t.drawing, drop!.phase === 'closed' && drop!.beacon && drop!.beacon.state !== 'received'
        ? fmt(t.beaconWait, { round: drop!.beacon.round }) : t.drawingBody)}${receipt(c)}`;
    case 'missed':
      return heading(c, t.missed, drop!.phase === 'closed'
        ? fmt(t.missedClosed, { time: dateText(drop!.closesAt, c.lang) }) : t.missedPurchase);
    case 'won':
    case 'promoted':
      return buy(c, c.view === 'promoted');
    case 'purchased':
      return heading(c, t.purchased, t.purchasedBody);
    case 'backup':
      return html`${heading(c, t.backup, fmt(t.backupBody, { n: c.me?.backupPosition ?? '?' }))}${receipt(c)}`;
    case 'lost':
      return lost(c);
    case 'expired':
      return heading(c, t.expired, t.expiredBody);
    case 'completed':
      return heading(c, t.completed, t.completedBody);
    case 'cancelled':
      return heading(c, t.cancelled, t.cancelledBody);
  }
}

export function renderWidget(c: Ctx): TemplateResult {
  return html`<section part="container" class="card" data-view=${c.view} aria-labelledby="title">
    <header part="header">
      ${c.drop ? html`<span part="name" class="name">${c.drop.name}</span>` : nothing}
      <span part="badge" class="dot ${c.live}" aria-hidden="true"></span>
    </header>
    ${body(c)}
    ${errorBanner(c)}
    ${footer(c)}
  </section>`;
}
