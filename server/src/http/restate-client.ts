/**
 * A thin client for Restate's HTTP ingress: `POST {ingress}/{object}/{key}/{handler}`.
 * The API role is stateless; every durable fact is one of these calls away.
 */
import { FairdropError } from '../core/errors.js';

export interface CallOptions { idempotencyKey?: string; timeoutMs?: number }

export class RestateClient {
  constructor(private readonly ingressUrl: string, private readonly fetchImpl: typeof fetch = fetch) {}

  /** Call a handler and wait for its JSON result. */
  async call<T>(target: string, key: string | null, handler: string, input?: unknown, opts: CallOptions = {}): Promise<T> {
    const res = await this.request(this.url(target, key, handler), input, opts);
    const text = await res.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  private url(target: string, key: string | null, handler: string): string {
    return `${this.ingressUrl}/${target}/${key === null ? '' : `${encodeURIComponent(key)}/`}${handler}`;
  }

  private async request(url: string, input: unknown, opts: CallOptions): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: 'POST', headers, body: input === undefined ? '' : JSON.stringify(input),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
    } catch (e) {
      throw new FairdropError('unavailable', 'The durable store did not answer; please retry in a moment.', { retryAfterSeconds: 1 });
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      throw Object.assign(new FairdropError('unavailable', 'The durable store could not complete the request; please retry in a moment.', { retryAfterSeconds: 1 }), { cause: `${res.status} ${body.slice(0, 300)}` });
    }
    return res;
  }
}
