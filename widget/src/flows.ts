/**
 * The shopper's two actions as plain async functions over a narrow host interface (no import of
 * the element, so no import circle): enter = challenge → PoW → register; buy = purchase token →
 * `fairdrop:purchase` → checkout. They run inside an {@link ActionController}.
 */
import { ApiError, type Api } from './api.js';
import type { ActionRun } from './controllers/action-controller.js';
import type { Solution } from './pow/pool.js';
import { emit } from './events.js';
import type { Signals } from './controllers/signals-controller.js';
import type { PublicDrop, Receipt } from './types.js';

export type Location = { lat: number; lon: number };

/** What the flows read from the element. */
export interface FlowHost extends EventTarget {
  readonly client: Api | undefined;
  readonly dropState: PublicDrop | undefined;
  readonly tickets: number;
  readonly fingerprintProKey: string | undefined;
  readonly checkoutUrl: string | undefined;
  solve(prefix: string, difficulty: number, signal: AbortSignal): Promise<Solution>;
  signalsSnapshot(): Signals;
  registered(receipt: Receipt): void;
  refresh(): Promise<void>;
}

const REFRESH_ON = new Set(['registration_closed', 'registration_not_open', 'already_purchased', 'purchase_window_expired']);

/** 1. challenge + fingerprint, 2. solve in the worker pool, 3. register (one retry on an expired challenge). */
export async function enter(h: FlowHost, run: ActionRun, location?: Location): Promise<void> {
  const api = h.client;
  if (!api) return;
  for (let attempt = 0; ; attempt++) {
    try {
      run.stage('solving');
      const fp = import('./fingerprint.js').then((m) => m.collectFingerprint(h.fingerprintProKey));
      const [ch, fingerprint] = await Promise.all([api.challenge(), fp]);
      const { nonce } = await h.solve(ch.prefix, ch.difficulty, run.signal);
      run.stage('sending');
      const receipt = await api.register({
        tickets: h.tickets, pow: { challenge: ch.challenge, nonce }, signals: h.signalsSnapshot(), fingerprint,
        ...(location ? { location } : {}),
      });
      h.registered(receipt);
      emit(h, 'fairdrop:registered', { receipt });
      return;
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      if ((code === 'pow_expired' || code === 'pow_invalid') && attempt === 0) continue;
      if (REFRESH_ON.has(code)) void h.refresh();
      throw e;
    }
  }
}

/** Ask for the single-use purchase token, tell the page, then go to checkout unless prevented. */
export async function buy(h: FlowHost): Promise<void> {
  const api = h.client;
  if (!api) return;
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
    if (e instanceof ApiError && REFRESH_ON.has(e.code)) void h.refresh();
    throw e;
  }
}

/** The shopper's position from the browser, as a promise. */
export function currentLocation(): Promise<Location> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new ApiError('location_required', 0, 'no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => reject(new ApiError('location_required', 0, 'location denied')),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  });
}
