/** The few public API calls the widget makes, with problem+json errors as `ApiError`. */
import type {
  FetchLike, MyEntry, PowChallenge, Problem, ProblemCode, PublicDrop, PurchaseStart, Receipt,
  RegistrationRequest, ServerTime,
} from './types.js';

/** A failed call: `code` is the server's problem code, or `network` when no answer came. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ProblemCode | 'network',
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface ApiConfig {
  api: string;
  key: string;
  drop: string;
  shopperToken?: string | undefined;
  anonymousId?: string | undefined;
  fetch: FetchLike;
}

export class Api {
  constructor(private c: ApiConfig) {}

  private async call<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const { c } = this;
    const headers: Record<string, string> = { 'Fairdrop-Key': c.key, accept: 'application/json' };
    if (c.shopperToken) headers['Fairdrop-Shopper'] = c.shopperToken;
    else if (c.anonymousId) headers['Fairdrop-Anonymous-Id'] = c.anonymousId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      res = await c.fetch(c.api.replace(/\/$/, '') + path, init);
    } catch (e) {
      throw new ApiError('network', 0, (e as Error)?.message || 'network error');
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      const p = data as Partial<Problem>;
      const retry = p.retryAfterSeconds ?? (Number(res.headers.get('retry-after')) || undefined);
      throw new ApiError(p.code ?? 'internal_error', res.status, p.title ?? res.statusText, retry, p.detail);
    }
    return data as T;
  }

  private d(suffix = ''): string {
    return `/v1/public/drops/${encodeURIComponent(this.c.drop)}${suffix}`;
  }

  time = () => this.call<ServerTime>('/v1/public/time');
  drop = () => this.call<PublicDrop>(this.d());
  me = () => this.call<MyEntry>(this.d('/entries/me'));
  challenge = () => this.call<PowChallenge>(this.d('/challenge'), 'POST', {});
  register = (req: RegistrationRequest) => this.call<Receipt>(this.d('/entries'), 'POST', req);
  purchase = () => this.call<PurchaseStart>(this.d('/purchase'), 'POST', {});
  /** "Verify the draw": the verify page, which recomputes the draw in the shopper's browser and checks this entry. */
  proofUrl = (entryId: string) => `${this.c.api.replace(/\/$/, '')}/verify/${encodeURIComponent(this.c.drop)}#entry=${encodeURIComponent(entryId)}`;
  recordUrl = () => this.c.api.replace(/\/$/, '') + this.d('/record');
  /** Whether this client can identify a shopper (token or anonymous id). */
  get identified(): boolean {
    return !!(this.c.shopperToken || this.c.anonymousId);
  }
}
