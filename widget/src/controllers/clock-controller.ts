/**
 * Keeps a {@link ClockSync} fed (a burst of samples on connect, then one a minute) and
 * re-renders the host once a second, on the server's second boundary, while `ticking`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ClockSync } from './clock-sync.js';
import type { ServerTime } from '../types.js';

export interface ClockControllerOptions {
  fetchTime: () => Promise<ServerTime> | null;
  clock?: ClockSync;
  burst?: number;
  burstGapMs?: number;
  periodMs?: number;
}

export class ClockController implements ReactiveController {
  readonly clock: ClockSync;
  /** Set by the host when something on screen counts down. */
  ticking = false;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private tickTimer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  constructor(private host: ReactiveControllerHost, private o: ClockControllerOptions) {
    this.clock = o.clock ?? new ClockSync();
    host.addController(this);
  }

  now(): number {
    return this.clock.now();
  }

  hostConnected(): void {
    this.connected = true;
    const gap = this.o.burstGapMs ?? 400;
    for (let i = 0; i < (this.o.burst ?? 5); i++) this.timers.push(setTimeout(() => this.sample(), i * gap));
    this.timers.push(setInterval(() => this.sample(), this.o.periodMs ?? 60_000));
    this.scheduleTick();
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const t of this.timers) clearTimeout(t);
    clearTimeout(this.tickTimer);
    this.timers = [];
  }

  /** Take one sample now (also used after the tab becomes visible again). */
  async sample(): Promise<void> {
    const c = this.clock;
    const t0 = c.localNow();
    const res = await this.o.fetchTime()?.catch(() => null);
    if (!res || typeof res.epochMs !== 'number') return;
    c.addSample(t0, c.localNow(), res.epochMs);
  }

  private scheduleTick(): void {
    if (!this.connected) return;
    const wait = 1000 - (this.clock.now() % 1000) + 5;
    this.tickTimer = setTimeout(() => {
      if (this.ticking) this.host.requestUpdate();
      this.scheduleTick();
    }, wait);
  }
}
