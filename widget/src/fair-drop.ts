import { LitElement, type PropertyValues } from 'lit';
import { Api, ApiError } from './api.js';
import { ClockController } from './controllers/clock-controller.js';
import { LiveController } from './controllers/live-controller.js';
import { PowController } from './controllers/pow-controller.js';
import { SignalsController } from './controllers/signals-controller.js';
import { emit } from './events.js';
import { en, loadMessages, pickLocale, type Messages } from './i18n/index.js';
import { anonymousId } from './identity.js';
import { scriptBase } from './script-base.js';
import { ActionController } from './controllers/action-controller.js';
import { buy, currentLocation, enter, type FlowHost, type Location } from './flows.js';
import { defaultTickets, creditsEarned } from '@fairdrop/sdk/rules';
import type { EntryState, EventSourceLike, FetchLike, MyEntry, PublicDrop, Receipt } from './types.js';
import type { Ctx } from './view/context.js';
import type { EntryCheck } from './verify.js';
import { deriveView, type Busy, type View } from './view/derive.js';
import { renderWidget } from './view/render.js';
import { styles } from './view/styles.js';

const FATAL = new Set(['drop_not_found', 'origin_not_allowed', 'unauthorized', 'forbidden', 'not_found']);
/** The store's own setup is wrong (key, origin): the shopper cannot fix it, the developer can. */
const SETUP = new Set(['origin_not_allowed', 'unauthorized', 'forbidden']);
const COUNTDOWN_VIEWS = new Set<View>(['scheduled', 'open', 'signin', 'registered', 'won', 'promoted']);

/**
 * `<fair-drop>`: a fair product drop on any page — countdown, registration with a ticket
 * selector, an in-browser proof-of-work, live results, and the winner's buy button.
 *
 * @tag fair-drop
 * @example
 * <script type="module" src="https://api.fairdrop.example/v1/widget/0.1.0/fair-drop.js" integrity="sha384-…" crossorigin="anonymous"></script>
 * <fair-drop drop="drp_123" publishable-key="pk_live_…" api="https://api.fairdrop.example"></fair-drop>
 *
 * @attr drop - Drop id (required).
 * @attr publishable-key - Your `pk_…` key (required).
 * @attr api - API base URL (default: the page's origin).
 * @attr sse-url - Event-stream base URL (default: `api`).
 * @attr shopper-token - Signed token of the signed-in shopper (or set `el.shopperToken`). Without it, a drop with `allowAnonymous` uses a random id kept in `localStorage` per drop; otherwise the widget asks the shopper to sign in.
 * @attr lang - `en`, `de`, `fr`, `es`, `ja` (default: the nearest `lang` attribute, then the browser). English is bundled; the others load on demand.
 * @attr checkout-url - Where "Buy now" goes, with `?token=<purchaseToken>` added. Overrides the drop's `checkoutUrl`.
 * @attr item-name - What is dropped, singular and plural: `pair|pairs` (default: the language's neutral "item|items").
 * @attr login-url - Where "Sign in" goes when the drop needs a signed-in shopper and no token is set.
 * @attr fingerprint-pro-key - Optional FingerprintJS Pro public key; its `requestId` is sent with the entry.
 * @attr pow-worker-url - URL of `fair-drop.worker.js` when it is not next to the script.
 *
 * @fires fairdrop:ready - `{ drop: PublicDrop }`: the drop loaded (once).
 * @fires fairdrop:registered - `{ receipt: Receipt }`: the registration was accepted.
 * @fires fairdrop:won - `{ entryId, purchaseDeadline? }`: the entry won.
 * @fires fairdrop:promoted - `{ entryId, purchaseDeadline? }`: a backup moved up to winner.
 * @fires fairdrop:lost - `{ entryId, rolloverCreditsEarned }`: the entry was not drawn.
 * @fires fairdrop:purchase - `{ purchaseToken, expiresAt, entryId, checkoutUrl? }`, cancelable: the winner pressed Buy; `preventDefault()` runs your own checkout, otherwise the widget goes to `checkoutUrl`.
 * @fires fairdrop:error - `{ code, status, message, retryAfterSeconds? }`: a call failed (`code` is the API's problem code, `network` or `pow_unavailable`); the widget shows kind copy and a retry.
 *
 * @csspart container - The card.
 * @csspart header - The top row.
 * @csspart name - The drop's name.
 * @csspart badge - The connection dot.
 * @csspart title - The heading.
 * @csspart body - The explanation under the heading.
 * @csspart countdown - The countdown box.
 * @csspart tickets - The ticket selector.
 * @csspart stepper-button - The − and + buttons.
 * @csspart button - Every action button (also `primary` or `secondary`).
 * @csspart progress - The proof-of-work progress bar.
 * @csspart receipt - The receipt list.
 * @csspart verify - The after-the-draw box: entry id, "Check my entry", the verification page link.
 * @csspart link - Links ("Open the draw's verification page", "Sign in").
 * @csspart note - The credits note.
 * @csspart error - The error box.
 * @csspart footer - The footer row.
 *
 * @cssprop --fairdrop-accent - Buttons, progress, links (`#3b3bf5`).
 * @cssprop --fairdrop-on-accent - Text on the accent (`#fff`).
 * @cssprop --fairdrop-bg - Card background (`#fff`).
 * @cssprop --fairdrop-fg - Text (`#16161d`).
 * @cssprop --fairdrop-muted - Secondary text (`#5d5d6b`).
 * @cssprop --fairdrop-border - Borders (`#d9d9e3`).
 * @cssprop --fairdrop-surface - Inner boxes (`#f4f4f8`).
 * @cssprop --fairdrop-danger - Errors (`#b42318`).
 * @cssprop --fairdrop-success - Good news (`#067647`).
 * @cssprop --fairdrop-focus - Focus ring.
 * @cssprop --fairdrop-radius - Corner radius (`12px`).
 * @cssprop --fairdrop-font - Font shorthand.
 * @cssprop --fairdrop-max-width - Maximum width (`420px`).
 */
export class FairDrop extends LitElement implements FlowHost {
  static override styles = styles;
  static override properties = {
    drop: {},
    publishableKey: { attribute: 'publishable-key' },
    api: {},
    sseUrl: { attribute: 'sse-url' },
    shopperToken: { attribute: 'shopper-token' },
    locale: { attribute: 'lang' },
    checkoutUrl: { attribute: 'checkout-url' },
    fingerprintProKey: { attribute: 'fingerprint-pro-key' },
    powWorkerUrl: { attribute: 'pow-worker-url' },
    itemName: { attribute: 'item-name' },
    loginUrl: { attribute: 'login-url' },
    dropState: { state: true },
    me: { state: true },
    tickets: { state: true },
    loadError: { state: true },
    checked: { state: true },
    fatal: { state: true },
    fetchImpl: { attribute: false },
    eventSourceImpl: { attribute: false },
    workerFactory: { attribute: false },
    poolSize: { attribute: false },
  };

  declare drop: string;
  declare publishableKey: string;
  declare api: string;
  declare sseUrl: string | undefined;
  declare shopperToken: string | undefined;
  declare locale: string | undefined;
  declare checkoutUrl: string | undefined;
  declare fingerprintProKey: string | undefined;
  declare powWorkerUrl: string | undefined;
  declare itemName: string | undefined;
  declare loginUrl: string | undefined;
  /** Network test double or custom transport; defaults to `fetch`. */
  declare fetchImpl: FetchLike | undefined;
  /** EventSource constructor; defaults to the global one. */
  declare eventSourceImpl: EventSourceLike | undefined;
  /** Creates one PoW worker; defaults to `fair-drop.worker.js` next to the script. */
  declare workerFactory: (() => Worker) | undefined;
  /** PoW workers (default: hardwareConcurrency, at most 8). */
  declare poolSize: number | undefined;

  /** @internal */ declare dropState: PublicDrop | undefined;
  /** @internal */ declare me: MyEntry | undefined;
  /** @internal The last failure to load the drop or the entry. */ declare loadError: ApiError | undefined;
  /** @internal */ declare fatal: boolean;
  /** @internal The in-browser check of the entry against the published record. */ declare checked: EntryCheck | 'pending' | 'failed' | undefined;
  /** @internal */ declare tickets: number;
  private ticketsChosen = false;
  private t: Messages = en;
  private lang_ = 'en';
  private ready = false;
  private lastStatus: string | undefined;
  private refreshedFor = '';
  private client_: [string, Api] | undefined;
  /** @internal */ readonly clock = new ClockController(this, { fetchTime: () => this.client?.time() ?? null });
  /** @internal */ readonly live = new LiveController(this, {
    url: () => this.streamUrl(),
    eventSource: () => this.eventSourceImpl ?? (typeof EventSource === 'function' ? EventSource : undefined),
    poll: () => this.refresh(),
    onDrop: (d) => this.applyDrop(d),
    onEntry: (e) => this.applyEntry(e),
  });
  /** @internal */ readonly pow = new PowController(this, () => import('./pow/pool.js').then((m) =>
    new m.PowPool(() => (this.workerFactory ?? (() => m.createPowWorker(this.powWorkerUrl, scriptBase())))(), this.poolSize)));
  /** @internal */ readonly signals = new SignalsController(this);
  /** @internal Enter the draw: challenge → PoW → register. */
  readonly entering = new ActionController<[Location?]>(this, (run, loc) => enter(this, run, loc), {
    now: () => this.clock.clock.localNow(), onError: (e) => this.reportError(e),
  });
  /** @internal Buy: purchase token → checkout. */
  readonly buying = new ActionController<[]>(this, () => buy(this), {
    now: () => this.clock.clock.localNow(), onError: (e) => this.reportError(e),
  });

  constructor() {
    super();
    this.fatal = false;
    this.tickets = 1;
  }

  /** @internal The API client for the current configuration (recreated when it changes). */
  get client(): Api | undefined {
    if (!this.drop || !this.publishableKey) return undefined;
    const anon = !this.shopperToken && this.dropState?.allowAnonymous ? anonymousId(this.drop) : undefined;
    const api = this.api || location.origin;
    const key = [api, this.drop, this.publishableKey, this.shopperToken, anon].join('\n');
    if (this.client_?.[0] !== key) {
      const f = this.fetchImpl ?? ((i: string, init?: RequestInit) => fetch(i, init));
      this.client_ = [key, new Api({ api, key: this.publishableKey, drop: this.drop, shopperToken: this.shopperToken, anonymousId: anon, fetch: f })];
    }
    return this.client_[1];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) void this.loadLocale();
    const config = ['drop', 'publishableKey', 'api', 'sseUrl', 'shopperToken'] as const;
    // Before the first render too: frameworks (e.g. @lit/react) set properties after connecting.
    // The stream opens once the drop is known (its URL depends on it), so one page load opens one stream.
    if ((this.hasUpdated || !this.dropState) && config.some((k) => changed.has(k))) {
      if (changed.has('drop')) { this.dropState = undefined; this.ready = false; this.ticketsChosen = false; }
      this.me = undefined;
      this.lastStatus = undefined;
      void this.refresh();
    }
  }

  private async loadLocale(): Promise<void> {
    const tag = this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
    const locale = pickLocale(tag);
    try { this.t = await loadMessages(locale); this.lang_ = tag || locale; } catch { this.t = en; }
    this.requestUpdate();
  }

  private streamUrl(): string | null {
    if (!this.client || !this.dropState) return null;
    const q = new URLSearchParams({ key: this.publishableKey });
    if (this.shopperToken) q.set('shopper', this.shopperToken);
    else if (this.dropState.allowAnonymous) q.set('anonymousId', anonymousId(this.drop));
    const base = (this.sseUrl || this.api || location.origin).replace(/\/$/, '');
    return `${base}/v1/public/drops/${encodeURIComponent(this.drop)}/events?${q}`;
  }

  /** Reload the drop and the shopper's entry (also the polling fallback). */
  async refresh(): Promise<void> {
    const api = this.client;
    if (!api) return;
    if (this.refreshing?.[0] === api) return this.refreshing[1];
    const run = this.load(api).finally(() => { if (this.refreshing?.[1] === run) this.refreshing = undefined; });
    this.refreshing = [api, run];
    return run;
  }

  private refreshing: [Api, Promise<void>] | undefined;

  private async load(api: Api): Promise<void> {
    try {
      const t0 = this.clock.clock.localNow();
      const d = await api.drop();
      if (!this.clock.clock.synced) this.clock.clock.addSample(t0, this.clock.clock.localNow(), Date.parse(d.serverTime));
      this.fatal = false;
      this.loadError = undefined;
      this.applyDrop(d);
      this.live.follow();
      const c = this.client!;
      if (c.identified) this.applyMe(await c.me());
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('network', 0, String(e));
      if (!this.dropState) this.fatal = FATAL.has(err.code);
      if (err.code !== 'shopper_required' && err.code !== 'anonymous_not_allowed') { this.loadError = err; this.reportError(err); }
    }
  }

  /** @internal */ applyDrop(d: PublicDrop): void {
    if (this.dropState && d.id === this.dropState.id && d.version < this.dropState.version) return;
    const prevPhase = this.dropState?.phase;
    this.dropState = d;
    this.outcomeAfterDraw(prevPhase, d.phase);
    if (!this.ready) { this.ready = true; emit(this, 'fairdrop:ready', { drop: d }); }
    this.live.follow();
  }

  /**
   * Without a live stream (polling fallback), read the outcome once the draw is published (or the
   * drop completes, when waiting backups become final). The jitter spreads a crowd's reads.
   */
  private outcomeAfterDraw(prev: string | undefined, next: string): void {
    if (!prev || prev === next || (next !== 'purchase' && next !== 'completed') || !this.me?.registered) return;
    if (this.live.state === 'live') return; // the stream brings the outcome
    setTimeout(() => void this.client?.me().then((m) => this.applyMe(m), () => {}), Math.random() * 2000);
  }

  /** @internal */ applyMe(me: MyEntry): void {
    this.me = me;
    // Credits add chances: the selector starts at the free entry plus every credit held.
    if (!this.ticketsChosen && !me.registered) this.tickets = defaultTickets(this.creditsHeld, this.dropState?.maxTickets ?? 1);
    this.announceOutcome();
  }

  /** @internal Credits the drop honours for this shopper now. */
  get creditsHeld(): number {
    return this.dropState?.rollover?.enabled === false ? 0 : this.me?.rolloverCredits ?? 0;
  }

  /** @internal */ applyEntry(e: EntryState): void {
    const me = this.me;
    // After the draw the stream tells every watcher without a slot where they stand, read from
    // the record; it cannot know who registered, so a `lost`/`backup` for a shopper who never
    // entered is ignored (they see "missed").
    if ((e.status === 'lost' || e.status === 'backup') && !me?.registered) return;
    const base: MyEntry = me ?? { dropId: this.drop, registered: true, phase: this.dropState?.phase ?? 'closed', serverTime: '' };
    const next: MyEntry = { ...base, registered: true, status: e.status, backupPosition: e.backupPosition, purchaseDeadline: e.purchaseDeadline };
    const r = this.dropState?.rollover;
    if (e.status === 'lost' && base.receipt && r?.enabled) next.rolloverCreditsEarned = creditsEarned(base.receipt.breakdown.paid, 0, r.cap ?? 0);
    this.applyMe(next);
    // The receipt comes with the full entry.
    if (!base.receipt) void this.client?.me().then((m) => this.applyMe(m), () => {});
  }

  private announceOutcome(): void {
    const me = this.me!;
    const prev = this.lastStatus;
    const status = me.status;
    if (status === prev) return;
    this.lastStatus = status;
    const entryId = me.receipt?.entryId ?? '';
    const deadline = me.purchaseDeadline;
    if (status === 'promoted' || (status === 'won' && prev === 'backup')) emit(this, 'fairdrop:promoted', { entryId, purchaseDeadline: deadline });
    else if (status === 'won') emit(this, 'fairdrop:won', { entryId, purchaseDeadline: deadline });
    else if (status === 'lost') emit(this, 'fairdrop:lost', { entryId, rolloverCreditsEarned: me.rolloverCreditsEarned ?? 0 });
  }

  /** Tell the page; a setup problem is the developer's to fix, so the console gets the API's words. */
  private reportError(err: ApiError): void {
    if (SETUP.has(err.code)) console.error(`<fair-drop>: the API refused this embed (${err.status} ${err.code}): ${err.detail ?? err.message}`);
    emit(this, 'fairdrop:error', { code: err.code, status: err.status, message: err.message, retryAfterSeconds: err.retryAfterSeconds });
  }

  /** @internal FlowHost: one proof-of-work solve in the pool. */
  solve(prefix: string, difficulty: number, signal: AbortSignal) { return this.pow.solve(prefix, difficulty, signal); }
  /** @internal FlowHost */ signalsSnapshot() { return this.signals.snapshot(); }
  /** @internal FlowHost: the registration was accepted. */
  registered(receipt: Receipt): void {
    this.applyMe({ ...(this.me ?? { dropId: this.drop, serverTime: '' }), phase: this.dropState?.phase ?? 'registration', registered: true, receipt, status: 'registered' });
  }

  private get busy(): Busy {
    if (this.entering.pending) return this.entering.stage === 'sending' ? 'sending' : 'solving';
    return this.buying.pending ? 'buying' : null;
  }

  /** The current screen: `loading`, `unavailable`, `scheduled`, `open`, `signin`, `solving`, `sending`, `registered`, `drawing`, `missed`, `won`, `promoted`, `purchased`, `backup`, `lost`, `expired`, `completed`, `cancelled`. */
  get view(): View {
    const identified = !!this.shopperToken || !!this.dropState?.allowAnonymous;
    return deriveView({ drop: this.dropState, me: this.me, busy: this.busy, fatal: this.fatal, identified });
  }

  /** The failure to show, and how to retry it. */
  private failure(): [ApiError, () => void, number] | undefined {
    for (const a of [this.entering, this.buying]) if (a.error) return [a.error, () => void a.retry(), a.retryAt];
    if (this.loadError) return [this.loadError, () => { this.loadError = undefined; void this.refresh(); }, 0];
    return undefined;
  }

  private checkMine(): void {
    const api = this.client;
    const id = this.me?.receipt?.entryId;
    if (!api || !id || this.checked === 'pending') return;
    this.checked = 'pending';
    import('./verify.js').then((m) => m.checkEntry(api, id)).then((r) => { this.checked = r; }, () => { this.checked = 'failed'; });
  }

  private setTickets(n: number): void {
    this.ticketsChosen = true;
    this.tickets = Math.max(1, Math.min(this.dropState?.maxTickets ?? 1, n));
  }

  protected override render() {
    const view = this.view;
    const now = this.clock.now();
    const f = this.failure();
    const retryIn = f ? Math.max(0, Math.ceil((f[2] - this.clock.clock.localNow()) / 1000)) : 0;
    this.clock.ticking = COUNTDOWN_VIEWS.has(view) || retryIn > 0;
    this.dueRefresh(view, now);
    if (view === 'open') void this.pow.prepare().catch(() => {});
    const api = this.client;
    const ctx: Ctx = {
      view, t: this.t, lang: this.lang_, now, retryIn, item: this.itemName,
      drop: this.dropState, me: this.me, tickets: this.tickets, credits: this.creditsHeld, progress: this.pow.progress,
      error: f?.[0], live: this.live.state, loginUrl: this.loginUrl,
      verifyUrl: api ? api.verifyUrl(this.me?.receipt?.entryId) : '#',
      checked: this.checked,
      on: {
        fewer: () => this.setTickets(this.tickets - 1),
        more: () => this.setTickets(this.tickets + 1),
        register: () => { this.entering.clear(); void this.entering.run(); },
        cancel: () => this.entering.cancel(),
        buy: () => { this.buying.clear(); void this.buying.run(); },
        retry: () => f?.[1](),
        check: () => this.checkMine(),
        shareLocation: () => { this.entering.clear(); void currentLocation().then((loc) => this.entering.run(loc), () => this.entering.run()); },
      },
    };
    return renderWidget(ctx);
  }

  /** When a countdown passes zero, ask the server once instead of waiting for the stream. */
  private dueRefresh(view: View, now: number): void {
    const d = this.dropState;
    const target = view === 'scheduled' ? d?.opensAt : view === 'open' || view === 'registered' ? d?.closesAt
      : view === 'won' || view === 'promoted' ? this.me?.purchaseDeadline : undefined;
    if (!target || now < Date.parse(target) + 750 || this.refreshedFor === view + target) return;
    this.refreshedFor = view + target;
    setTimeout(() => void this.refresh(), 0);
  }

  private hadFocus = false;
  protected override update(changed: PropertyValues<this>): void {
    this.hadFocus = !!this.shadowRoot?.activeElement;
    super.update(changed);
  }

  protected override updated(): void {
    // Keep keyboard users oriented when the control they were on disappears.
    if (this.hadFocus && !this.shadowRoot!.activeElement) this.shadowRoot!.querySelector<HTMLElement>('#title')?.focus();
  }
}
