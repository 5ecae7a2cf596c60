/**
 * One shopper action (enter the draw, buy) as a controller that owns its async state, in the
 * style of `@lit/task`: `status`, `error`, the time a rate-limited retry is allowed, an
 * AbortController per run, and `retry()` with the last arguments. The host only reads it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api.js';

export type ActionStatus = 'idle' | 'pending' | 'complete' | 'error';

/** What a running action can do: see the abort signal, name its current stage. */
export interface ActionRun {
  signal: AbortSignal;
  stage: (name: string) => void;
}

export interface ActionOptions {
  /** The host's local clock in ms (for `retryAt`). */
  now: () => number;
  /** Called with every failure (not with a cancellation). */
  onError?: (e: ApiError) => void;
}

/** Any thrown value as an ApiError; a failure without an answer is `network`. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if ((e as Error)?.name === 'PowWorkerError') return new ApiError('pow_unavailable', 0, (e as Error).message);
  return new ApiError('network', 0, String((e as Error)?.message ?? e));
}

export class ActionController<A extends unknown[]> implements ReactiveController {
  status: ActionStatus = 'idle';
  /** The current stage of a pending run (e.g. `solving`, `sending`), set by the task. */
  stage: string | undefined;
  error: ApiError | undefined;
  /** Local time (ms) before which a retry would be refused again; 0 = now. */
  retryAt = 0;
  private abort: AbortController | undefined;
  private lastArgs: A | undefined;

  constructor(private host: ReactiveControllerHost, private task: (run: ActionRun, ...args: A) => Promise<void>, private o: ActionOptions) {
    host.addController(this);
  }

  get pending(): boolean { return this.status === 'pending'; }

  /** Start the action unless one is already running; resolves when it settles (never rejects). */
  async run(...args: A): Promise<void> {
    if (this.pending) return;
    const abort = (this.abort = new AbortController());
    this.lastArgs = args;
    this.set('pending', undefined);
    try {
      await this.task({ signal: abort.signal, stage: (s) => { this.stage = s; this.host.requestUpdate(); } }, ...args);
      if (this.abort === abort) this.set('complete', undefined);
    } catch (e) {
      if (this.abort !== abort) return;
      if ((e as Error)?.name === 'AbortError' || abort.signal.aborted) return this.set('idle', undefined);
      const err = toApiError(e);
      this.retryAt = err.retryAfterSeconds ? this.o.now() + err.retryAfterSeconds * 1000 : 0;
      this.set('error', err);
      this.o.onError?.(err);
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  /** Run again with the arguments of the last run. */
  retry(): Promise<void> {
    return this.run(...((this.lastArgs ?? []) as A));
  }

  /** Abort a pending run (it settles as `idle`). */
  cancel(): void {
    const a = this.abort;
    this.abort = undefined;
    a?.abort(new DOMException('Cancelled', 'AbortError'));
    if (this.pending) this.set('idle', undefined);
  }

  /** Forget the last error. */
  clear(): void {
    if (this.status === 'error') this.set('idle', undefined);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  private set(status: ActionStatus, error: ApiError | undefined): void {
    this.status = status;
    this.error = error;
    if (status !== 'pending') this.stage = undefined;
    if (status !== 'error') this.retryAt = 0;
    this.host.requestUpdate();
  }
}
