/**
 * Live updates: an EventSource on the drop stream (resumes with Last-Event-ID), reconnect
 * with exponential backoff and jitter, a polling fallback while the stream is down, and
 * awareness of online/offline and tab visibility (no polling in a hidden tab; catch up at
 * once when it becomes visible or the network comes back).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntryState, EventSourceLike, PublicDrop } from '../types.js';

export type LiveState = 'idle' | 'connecting' | 'live' | 'polling' | 'offline';

export interface LiveOptions {
  /** Stream URL (without lastEventId), or null when the host is not configured. */
  url: () => string | null;
  eventSource: () => EventSourceLike | undefined;
  poll: () => Promise<void>;
  onDrop: (drop: PublicDrop, serverTime?: string) => void;
  onEntry: (entry: EntryState) => void;
  pollMs?: number;
  /** Backoff base and cap in ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export class LiveController implements ReactiveController {
  state: LiveState = 'idle';
  failures = 0;
  private es: EventSource | undefined;
  private lastEventId = '';
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private connected = false;
  /** The URL the open stream (or the pending reconnect) is for. */
  private url: string | null = null;

  constructor(private host: ReactiveControllerHost, private o: LiveOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.connect();
  }

  hostDisconnected(): void {
    this.connected = false;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.close();
    this.stopPolling();
    this.set('idle');
  }

  /** (Re)open the stream, e.g. after the shopper token changed. */
  restart(): void {
    this.close();
    this.failures = 0;
    this.connect();
  }

  /** Open the stream when its URL changed (the drop loaded, the shopper changed); else keep it. */
  follow(): void {
    if (this.o.url() !== this.url) this.restart();
  }

  private set(s: LiveState): void {
    if (this.state !== s) { this.state = s; this.host.requestUpdate(); }
  }

  private connect(): void {
    if (!this.connected) return;
    clearTimeout(this.retryTimer);
    if (typeof navigator === 'object' && navigator.onLine === false) return this.set('offline');
    const url = (this.url = this.o.url());
    const ES = this.o.eventSource();
    if (!url) return;
    if (!ES) return this.startPolling();
    this.close();
    const full = this.lastEventId ? `${url}&lastEventId=${encodeURIComponent(this.lastEventId)}` : url;
    const es = (this.es = new ES(full));
    if (this.state !== 'polling') this.set('connecting');
    es.addEventListener('open', () => { this.failures = 0; this.stopPolling(); this.set('live'); });
    es.addEventListener('drop', (e) => this.handle(e as MessageEvent));
    es.addEventListener('entry', (e) => this.handle(e as MessageEvent));
    es.addEventListener('heartbeat', (e) => this.handle(e as MessageEvent));
    es.addEventListener('error', () => this.onError(es));
  }

  private handle(e: MessageEvent): void {
    if (e.lastEventId) this.lastEventId = e.lastEventId;
    let data: { drop?: PublicDrop; entry?: EntryState; serverTime?: string };
    try { data = JSON.parse(e.data as string); } catch { return; }
    if (this.state !== 'live') { this.failures = 0; this.stopPolling(); this.set('live'); }
    if (data.drop) this.o.onDrop(data.drop, data.serverTime);
    if (data.entry) this.o.onEntry(data.entry);
  }

  private onError(es: EventSource): void {
    if (es !== this.es) return;
    this.failures++;
    // The browser retries by itself while CONNECTING; after repeated failures, poll meanwhile.
    if (this.failures >= 2) this.startPolling();
    if (es.readyState === 2 /* CLOSED */) {
      this.close();
      const base = this.o.backoffMs ?? 1000;
      const delay = Math.min(this.o.maxBackoffMs ?? 30_000, base * 2 ** (this.failures - 1));
      this.retryTimer = setTimeout(() => this.connect(), delay * (0.5 + Math.random() / 2));
    }
  }

  private close(): void {
    this.es?.close();
    this.es = undefined;
  }

  private startPolling(): void {
    this.set('polling');
    if (this.pollTimer || document.visibilityState === 'hidden') return;
    void this.o.poll().catch(() => {});
    this.pollTimer = setInterval(() => void this.o.poll().catch(() => {}), this.o.pollMs ?? 5000);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private onOnline = () => { this.failures = 0; void this.o.poll().catch(() => {}); this.connect(); };
  private onOffline = () => { this.close(); this.stopPolling(); clearTimeout(this.retryTimer); this.set('offline'); };
  private onVisibility = () => {
    if (document.visibilityState === 'hidden') return this.stopPolling();
    void this.o.poll().catch(() => {});
    if (this.state === 'polling') this.startPolling();
    else if (!this.es && this.state !== 'offline') this.connect();
  };
}
