/** What the shopper can do: choose tickets, enter (challenge → PoW → register), retry, buy. */
import { ApiError } from './api.js';
import { emit } from './events.js';
import type { Messages } from './i18n/index.js';
import type { FairDrop } from './fair-drop.js';
import type { Ctx } from './view/context.js';
import type { View } from './view/derive.js';

type Location = { lat: number; lon: number };

function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('network', 0, String((e as Error)?.message ?? e));
}

export class DropActions {
  private retryFn: (() => unknown) | undefined;

  constructor(private h: FairDrop) {}

  retryWith(fn: (() => unknown) | undefined): void {
    this.retryFn = fn;
  }

  context(view: View, t: Messages, lang: string, now: number, retryIn: number): Ctx {
    const h = this.h;
    return {
      view, t, lang, now, retryIn,
      drop: h.dropState, me: h.me, tickets: h.tickets, progress: h.pow.progress, error: h.error,
      live: h.live.state,
      verifyUrl: (id) => h.client?.proofUrl(id) ?? '#',
      on: {
        fewer: () => this.setTickets(h.tickets - 1),
        more: () => this.setTickets(h.tickets + 1),
        register: () => void this.register(),
        cancel: () => h.pow.cancel(),
        buy: () => void this.buy(),
        retry: () => { const f = this.retryFn; h.setError(undefined); void f?.(); },
        shareLocation: () => this.shareLocation(),
      },
    };
  }

  private setTickets(n: number): void {
    const h = this.h;
    h.tickets = Math.max(1, Math.min(h.dropState?.maxTickets ?? 1, n));
    h.requestUpdate();
  }

  /** 1. challenge + fingerprint, 2. solve in the worker pool, 3. register (one retry on an expired challenge). */
  async register(location?: Location, attempt = 0): Promise<void> {
    const h = this.h;
    const api = h.client;
    if (!api || h.busy) return;
    h.setError(undefined);
    h.busy = 'solving';
    h.requestUpdate();
    try {
      const fp = import('./fingerprint.js').then((m) => m.collectFingerprint(h.fingerprintProKey));
      const [ch, fingerprint] = await Promise.all([api.challenge(), fp]);
      const { nonce } = await h.pow.solve(ch.prefix, ch.difficulty);
      h.busy = 'sending';
      h.requestUpdate();
      const receipt = await api.register({
        tickets: h.tickets,
        pow: { challenge: ch.challenge, nonce },
        signals: h.signals.snapshot(),
        fingerprint,
        ...(location ? { location } : {}),
      });
      h.busy = null;
      h.applyMe({
        ...(h.me ?? { dropId: h.drop, serverTime: '' }),
        phase: h.dropState?.phase ?? 'registration', registered: true, receipt, status: 'registered',
      });
      emit(h, 'fairdrop:registered', { receipt });
    } catch (e) {
      h.busy = null;
      if ((e as Error)?.name === 'AbortError') return void h.requestUpdate();
      const err = toApiError(e);
      if ((err.code === 'pow_expired' || err.code === 'pow_invalid') && attempt === 0) return this.register(location, 1);
      h.setError(err, () => this.register(location));
      if (err.code === 'registration_closed' || err.code === 'registration_not_open') void h.refresh();
    }
  }

  private shareLocation(): void {
    const h = this.h;
    h.setError(undefined);
    navigator.geolocation?.getCurrentPosition(
      (p) => void this.register({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => h.setError(new ApiError('location_required', 0, 'location denied'), () => this.shareLocation()),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  }

  /** Ask for the single-use purchase token, tell the page, then go to checkout unless prevented. */
  async buy(): Promise<void> {
    const h = this.h;
    const api = h.client;
    if (!api || h.busy) return;
    h.busy = 'buying';
    h.setError(undefined);
    try {
      const p = await api.purchase();
      const base = h.checkoutUrl || p.checkoutUrl || h.dropState?.checkoutUrl;
      let checkoutUrl: string | undefined;
      if (base) {
        const u = new URL(base, location.href);
        u.searchParams.set('token', p.purchaseToken);
        checkoutUrl = u.href;
      }
      const detail = { ...p, ...(checkoutUrl ? { checkoutUrl } : {}) };
      if (emit(h, 'fairdrop:purchase', detail, true) && checkoutUrl) location.assign(checkoutUrl);
    } catch (e) {
      const err = toApiError(e);
      h.setError(err, () => this.buy());
      if (err.code === 'already_purchased' || err.code === 'purchase_window_expired') void h.refresh();
    } finally {
      h.busy = null;
      h.requestUpdate();
    }
  }
}
