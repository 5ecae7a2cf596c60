/** The widget's body for each view; composed from the small templates beside it. */
import { html, nothing, type TemplateResult } from 'lit';
import { fmt } from '../i18n/index.js';
import type { Ctx } from './context.js';
import { countdown, errorBanner, footer, heading } from './parts.js';
import { solving, ticketSelector } from './open.js';
import { afterDraw, receipt } from './receipt.js';
import { itemVars } from './items.js';
import { dateText } from './time.js';

function buy(c: Ctx, promoted: boolean): TemplateResult {
  const t = c.t;
  return html`${heading(c, promoted ? t.promoted : t.won, fmt(promoted ? t.promotedBody : t.wonBody, itemVars(c)))}
    ${countdown(c, t.buyWithin, c.me?.purchaseDeadline, 'aBuyWithin')}
    <button part="button primary" class="primary buy" @click=${c.on.buy}>${t.buy}</button>`;
}

function lost(c: Ctx): TemplateResult {
  const earned = c.me?.rolloverCreditsEarned ?? 0;
  return html`${heading(c, c.t.lost, c.t.lostBody)}
    ${earned > 0 ? html`<p part="note" class="note">${fmt(c.t.lostCredits, { n: earned })}</p>` : nothing}
    <p class="muted">${c.t.lostCheer}</p>`;
}

/** Sold out only when every item was bought; otherwise say how many were left. */
function completed(c: Ctx): TemplateResult {
  const d = c.drop!;
  const sold = d.counts?.purchased ?? 0;
  const n = d.inventory;
  if (sold >= n) return heading(c, c.t.completed, fmt(c.t.completedBody, { n, ...itemVars(c) }));
  const left = n - sold;
  return heading(c, c.t.ended, fmt(c.t.endedBody, { sold, n, left, ...itemVars(c) }));
}

function expired(c: Ctx): TemplateResult {
  const passed = (c.drop?.draw?.backups ?? 0) > 0;
  return heading(c, c.t.expired, fmt(passed ? c.t.expiredBody : c.t.expiredReleased, itemVars(c)));
}

function signin(c: Ctx): TemplateResult {
  const link = c.loginUrl ? html` <a part="link" class="link" href=${c.loginUrl}>${c.t.signinLink}</a>` : nothing;
  return html`${heading(c, c.t.open, html`${c.t.signin}${link}`)}${countdown(c, c.t.closesIn, c.drop!.closesAt, 'aClosesIn')}`;
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
      return signin(c);
    case 'solving':
    case 'sending':
      return html`${heading(c, c.view === 'solving' ? t.solving : t.sending, t.solvingBody)}${solving(c, c.view === 'sending')}`;
    case 'registered':
      return html`${heading(c, t.registered, t.registeredBody)}${countdown(c, t.closesIn, drop!.closesAt, 'aClosesIn')}${receipt(c)}`;
    case 'drawing':
      return html`${heading(c, t.drawing, drop!.phase === 'closed' && drop!.beacon && drop!.beacon.state !== 'received'
        ? fmt(t.beaconWait, { round: drop!.beacon.round }) : t.drawingBody)}${receipt(c)}`;
    case 'missed':
      return html`${heading(c, t.missed, drop!.phase === 'closed'
        ? fmt(t.missedClosed, { time: dateText(drop!.closesAt, c.lang) }) : t.missedPurchase)}${afterDraw(c)}`;
    case 'won':
    case 'promoted':
      return html`${buy(c, c.view === 'promoted')}${afterDraw(c)}`;
    case 'purchased':
      return html`${heading(c, t.purchased, fmt(t.purchasedBody, itemVars(c)))}${afterDraw(c)}`;
    case 'backup':
      return html`${heading(c, t.backup, fmt(t.backupBody, { n: c.me?.backupPosition ?? '?' }))}${afterDraw(c)}`;
    case 'lost':
      return html`${lost(c)}${afterDraw(c)}`;
    case 'expired':
      return html`${expired(c)}${afterDraw(c)}`;
    case 'completed':
      return html`${completed(c)}${afterDraw(c)}`;
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
