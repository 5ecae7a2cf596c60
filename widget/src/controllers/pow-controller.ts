/**
 * Proof-of-work for the host: owns a {@link PowPool} (created on first use, terminated when
 * the host leaves the page), exposes `progress` (0–1, an estimate) and `solving`. The pool and
 * Comlink are a separate chunk: `prepare()` fetches it early, e.g. when registration opens.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PowPool, Solution } from '../pow/pool.js';

export class PowController implements ReactiveController {
  progress = 0;
  solving = false;
  private pool: Promise<PowPool> | undefined;
  private abort: AbortController | undefined;

  constructor(private host: ReactiveControllerHost, private createPool: () => Promise<PowPool>) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
    void this.pool?.then((p) => p.dispose(), () => {});
    this.pool = undefined;
  }

  /** Load the pool's code ahead of the first solve. */
  prepare(): Promise<PowPool> {
    // A chunk that failed to load (network dropped) is asked for again next time, not cached.
    return (this.pool ??= this.createPool().catch((e) => { this.pool = undefined; throw e; }));
  }

  /** Solve one challenge; rejects with an AbortError when cancelled. */
  async solve(prefix: string, difficulty: number, signal?: AbortSignal): Promise<Solution> {
    this.cancel();
    const abort = (this.abort = new AbortController());
    signal?.addEventListener('abort', () => abort.abort(signal.reason), { once: true });
    this.solving = true;
    this.progress = 0;
    this.host.requestUpdate();
    try {
      const pool = await this.prepare();
      if (abort.signal.aborted) throw abort.signal.reason;
      return await pool.solve(prefix, difficulty, {
        signal: abort.signal,
        onProgress: (hashes, expected) => {
          // 1 − e^(−h/E): the chance a solution was found by now; honest and monotonic.
          this.progress = 1 - Math.exp(-hashes / expected);
          this.host.requestUpdate();
        },
      });
    } finally {
      if (this.abort === abort) { this.solving = false; this.abort = undefined; this.host.requestUpdate(); }
    }
  }

  cancel(): void {
    this.abort?.abort(new DOMException('Cancelled', 'AbortError'));
  }
}
