/**
 * A pool of proof-of-work workers. Nonces are handed out in aligned chunks from one
 * counter, so every worker searches a disjoint range; progress is reported after each
 * chunk; an AbortSignal stops the search within one chunk (~50 ms).
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { PowWorkerApi } from './pow.worker.js';

export { createPowWorker } from './worker-url.js';

export interface SolveOptions {
  signal?: AbortSignal;
  /** Give up when no worker has reported for this long (default 20 s): a worker that never loaded. */
  stallMs?: number;
  /** Called after each chunk with hashes tried so far and the expected total (2^difficulty). */
  onProgress?: (hashes: number, expected: number) => void;
}
export interface Solution { nonce: number; hashes: number; ms: number }

/**
 * The workers could not run: their script failed to load (the network dropped, a CSP refused
 * it) or they stopped answering. The pool has thrown its workers away; the next solve builds new ones.
 */
export class PowWorkerError extends Error {
  override name = 'PowWorkerError';
}

/** 2^17 nonces: ~40 ms per chunk at 3 MH/s; a power of two so chunks never cross 2^32. */
export const CHUNK = 1 << 17;
const MAX_WORKERS = 8;

export function defaultPoolSize(): number {
  const n = typeof navigator === 'object' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_WORKERS, n));
}

export class PowPool {
  readonly size: number;
  private remotes: Remote<PowWorkerApi>[] = [];
  private workers: Worker[] = [];

  constructor(private createWorker: () => Worker, size = defaultPoolSize()) {
    this.size = Math.max(1, Math.min(MAX_WORKERS, size));
  }

  private failed: ((e: Error) => void) | undefined;

  private ensure(): Remote<PowWorkerApi>[] {
    while (this.remotes.length < this.size) {
      const w = this.createWorker();
      // A module worker whose script cannot load fires `error` and never answers Comlink.
      const fail = (e: Event) => this.failed?.(new PowWorkerError(`the proof-of-work worker failed: ${(e as ErrorEvent).message || e.type}`));
      w.addEventListener('error', fail);
      w.addEventListener('messageerror', fail);
      this.workers.push(w);
      this.remotes.push(wrap<PowWorkerApi>(w));
    }
    return this.remotes;
  }

  /** Find a nonce for `prefix` at `difficulty` leading zero bits. Rejects with AbortError. */
  solve(prefix: string, difficulty: number, opts: SolveOptions = {}): Promise<Solution> {
    const { signal, onProgress, stallMs = 20_000 } = opts;
    let remotes: Remote<PowWorkerApi>[];
    try { remotes = this.ensure(); } catch (e) { this.dispose(); return Promise.reject(new PowWorkerError(String((e as Error)?.message ?? e))); }
    const t0 = performance.now();
    const expected = 2 ** difficulty;
    let next = 0;
    let hashes = 0;
    let done = false;
    return new Promise<Solution>((resolve, reject) => {
      let stall: ReturnType<typeof setTimeout> | undefined;
      const watch = () => {
        clearTimeout(stall);
        stall = setTimeout(() => finish(new PowWorkerError(`no proof-of-work progress for ${stallMs} ms`)), stallMs);
      };
      const finish = (err: unknown, nonce = -1) => {
        if (done) return;
        done = true;
        clearTimeout(stall);
        this.failed = undefined;
        signal?.removeEventListener('abort', onAbort);
        // Broken workers are replaced on the next solve.
        if (err instanceof PowWorkerError) this.dispose();
        if (err) reject(err);
        else resolve({ nonce, hashes, ms: performance.now() - t0 });
      };
      const onAbort = () => finish(signal!.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      this.failed = (e) => finish(e);
      watch();
      const run = async (r: Remote<PowWorkerApi>) => {
        while (!done) {
          const start = next;
          next += CHUNK;
          const found = await r.searchChunk(prefix, difficulty, start, CHUNK);
          if (done) return;
          hashes += found < 0 ? CHUNK : found - start + 1;
          watch();
          onProgress?.(hashes, expected);
          if (found >= 0) return finish(null, found);
        }
      };
      for (const r of remotes) run(r).catch((e) => finish(e));
    });
  }

  /** Terminate all workers; the pool recreates them on the next solve. */
  dispose(): void {
    for (const r of this.remotes) r[releaseProxy]();
    for (const w of this.workers) w.terminate();
    this.remotes = [];
    this.workers = [];
  }
}
