/** The few public API calls the widget makes, with problem+json errors as `ApiError`. */
import type {
  FetchLike, MyEntry, PowChallenge, Problem, ProblemCode, PublicDrop, PurchaseStart, Receipt,
  RegistrationRequest, ServerTime,
} from './types.js';

/** Codes the widget adds: `network` (no answer came), `pow_unavailable` (the PoW workers could not run). */
export type ErrorCode = ProblemCode | 'network' | 'pow_unavailable';

/** A failed call: `code` is the server's problem code, or one of the widget's own. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** The parts of the draw record and proof the widget reads. */
export interface DrawRecordJson { root: string; entryCount: number; totalWeight: number; winners: string[]; backups: string[]; commitment: string }
export interface ProofJson { entryId: string; weight: number; index: number; size: number; path: string[]; root: string }

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
  /** The draw's public record and an entry's inclusion proof (audit routes, no key needed). */
  record = () => this.call<DrawRecordJson>(this.d('/record'));
  proof = (entryId: string) => this.call<ProofJson>(this.d(`/proof/${encodeURIComponent(entryId)}`));
  /** The browser verification page for this drop, served by the API. */
  verifyUrl = (entryId?: string) => `${this.c.api.replace(/\/$/, '')}/verify/${encodeURIComponent(this.c.drop)}${entryId ? `#entry=${encodeURIComponent(entryId)}` : ''}`;
  /** Whether this client can identify a shopper (token or anonymous id). */
  get identified(): boolean {
    return !!(this.c.shopperToken || this.c.anonymousId);
  }
}
