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
  /** Called after each chunk with hashes tried so far and the expected total (2^difficulty). */
  onProgress?: (hashes: number, expected: number) => void;
}
export interface Solution { nonce: number; hashes: number; ms: number }

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

  private ensure(): Remote<PowWorkerApi>[] {
    while (this.remotes.length < this.size) {
      const w = this.createWorker();
      this.workers.push(w);
      this.remotes.push(wrap<PowWorkerApi>(w));
    }
    return this.remotes;
  }

  /** Find a nonce for `prefix` at `difficulty` leading zero bits. Rejects with AbortError. */
  solve(prefix: string, difficulty: number, opts: SolveOptions = {}): Promise<Solution> {
    const { signal, onProgress } = opts;
    const remotes = this.ensure();
    const t0 = performance.now();
    const expected = 2 ** difficulty;
    let next = 0;
    let hashes = 0;
    let done = false;
    return new Promise<Solution>((resolve, reject) => {
      const finish = (err: unknown, nonce = -1) => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve({ nonce, hashes, ms: performance.now() - t0 });
      };
      const onAbort = () => finish(signal!.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      const run = async (r: Remote<PowWorkerApi>) => {
        while (!done) {
          const start = next;
          next += CHUNK;
          const found = await r.searchChunk(prefix, difficulty, start, CHUNK);
          if (done) return;
          hashes += found < 0 ? CHUNK : found - start + 1;
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
