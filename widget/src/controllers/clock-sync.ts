/**
 * NTP-style clock sync. Each sample is (t0 local send, t1 local receive, server epoch ms);
 * offset = server − (t0 + t1) / 2, rtt = t1 − t0. Only the lowest-RTT samples (the ones
 * least disturbed by queueing) are trusted; the offset moves toward their median by an EMA
 * (α≈0.3), and `now()` is monotonic, so a countdown never moves backwards.
 */
export interface ClockSample { offset: number; rtt: number }

export interface ClockSyncOptions {
  /** Local wall clock in ms; monotonic by default (performance.timeOrigin + now()). */
  localNow?: () => number;
  alpha?: number;
  /** How many recent samples to keep, and how many of the fastest to trust. */
  keep?: number;
  best?: number;
}

export function monotonicNow(): number {
  return performance.timeOrigin + performance.now();
}

export class ClockSync {
  readonly localNow: () => number;
  private alpha: number;
  private keep: number;
  private best: number;
  private samples: ClockSample[] = [];
  private smoothed: number | null = null;
  private last = -Infinity;

  constructor(o: ClockSyncOptions = {}) {
    this.localNow = o.localNow ?? monotonicNow;
    this.alpha = o.alpha ?? 0.3;
    this.keep = o.keep ?? 8;
    this.best = o.best ?? 3;
  }

  /** Current smoothed offset (server − local) in ms; 0 before the first sample. */
  get offset(): number {
    return this.smoothed ?? 0;
  }

  get synced(): boolean {
    return this.smoothed !== null;
  }

  /** Record a round trip; returns the new smoothed offset. */
  addSample(t0: number, t1: number, serverMs: number): number {
    const rtt = Math.max(0, t1 - t0);
    this.samples.push({ offset: serverMs - (t0 + t1) / 2, rtt });
    if (this.samples.length > this.keep) this.samples.shift();
    const fastest = [...this.samples].sort((a, b) => a.rtt - b.rtt).slice(0, this.best);
    const offsets = fastest.map((s) => s.offset).sort((a, b) => a - b);
    const target = offsets[Math.floor(offsets.length / 2)]!;
    this.smoothed = this.smoothed === null ? target : this.smoothed + this.alpha * (target - this.smoothed);
    return this.smoothed;
  }

  /** Server time estimate in epoch ms; never smaller than a value it returned before. */
  now(): number {
    const t = this.localNow() + this.offset;
    if (t > this.last) this.last = t;
    return this.last;
  }
}
