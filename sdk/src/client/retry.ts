/**
 * A fetch that retries what is safe to retry, honouring `Retry-After`: 429 always (the rate limit
 * refuses before anything happens); 503 and network failures only for GETs and requests that carry
 * an `Idempotency-Key` — a 503 can come after a durable step already took effect (e.g. a purchase
 * confirmed while the answer timed out), so a blind repeat could report a false conflict.
 * Backoff is exponential with jitter. Everything is injectable, so tests need no timers mocks.
 */
import { retryAfterSeconds } from './errors.js';

/** What the clients call; the global `fetch` fits. */
export type FetchLike = (input: Request) => Promise<Response>;

export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 turns retrying off). */
  retries?: number;
  /** First backoff step in ms (default 250), doubled each time. */
  baseDelayMs?: number;
  /** Longest wait between attempts, also the cap for `Retry-After` (default 10 000 ms). */
  maxDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const RETRY_STATUS = new Set([429, 503]);
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Delay before retry number `attempt` (0-based): full exponential step, half of it jittered. */
export function backoffMs(attempt: number, base: number, max: number, random: () => number): number {
  const step = Math.min(max, base * 2 ** attempt);
  return Math.round(step / 2 + (step / 2) * random());
}

const replayable = (r: Request) => r.method === 'GET' || r.method === 'HEAD' || r.headers.has('idempotency-key');

/**
 * @example
 * const f = withRetries(fetch, { retries: 5 });
 * await f(new Request('https://api.example/v1/public/time'));
 */
export function withRetries(fetchImpl: FetchLike, opts: RetryOptions = {}): FetchLike {
  const { retries = 3, baseDelayMs = 250, maxDelayMs = 10_000, sleep = defaultSleep, random = Math.random } = opts;
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      let res: Response;
      try {
        res = await fetchImpl(last ? request : request.clone());
      } catch (e) {
        if (last || request.signal.aborted || !replayable(request)) throw e;
        await sleep(backoffMs(attempt, baseDelayMs, maxDelayMs, random));
        continue;
      }
      if (last || !RETRY_STATUS.has(res.status) || (res.status !== 429 && !replayable(request))) return res;
      const hinted = retryAfterSeconds(res.headers.get('retry-after'));
      const wait = hinted !== undefined ? hinted * 1000 : backoffMs(attempt, baseDelayMs, maxDelayMs, random);
      if (wait > maxDelayMs) return res; // longer than we may wait: let the caller decide
      await res.body?.cancel();
      await sleep(wait);
    }
  };
}
