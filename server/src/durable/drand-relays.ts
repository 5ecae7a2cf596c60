/**
 * Fetches a drand round from the configured relays (DRAW-SPEC §4.1): all are asked at once and
 * the first answer whose signature verifies under the chain's key wins. A value that does not
 * verify is never returned; when none does, the reasons come back, one per relay.
 */
import { verifyRound, type DrandChain } from '@fairdrop/sdk/draw';

export type RoundFetch = { ok: true; signature: string; randomness: string; relay: string } | { ok: false; error: string };

export async function fetchRound(chain: DrandChain, round: number, relays: readonly string[], fetchImpl: typeof fetch, timeoutMs: number): Promise<RoundFetch> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await Promise.any(relays.map((relay) => fromRelay(chain, round, relay, fetchImpl, abort.signal)));
  } catch (e) {
    const reasons = e instanceof AggregateError ? e.errors.map((x) => String((x as Error).message ?? x)) : [String(e)];
    return { ok: false, error: reasons.join('; ') };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

async function fromRelay(chain: DrandChain, round: number, relay: string, fetchImpl: typeof fetch, signal: AbortSignal): Promise<RoundFetch & { ok: true }> {
  let body: unknown;
  try {
    const res = await fetchImpl(`${relay}/${chain.chainHash}/public/${round}`, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}${res.status === 404 || res.status === 425 ? ' (round not produced yet?)' : ''}`);
    body = await res.json();
  } catch (e) {
    throw new Error(`${relay}: ${signal.aborted ? 'timed out' : (e as Error).message}`);
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as { round?: unknown; signature?: unknown };
  if (b.round !== round) throw new Error(`${relay}: answered round ${String(b.round)} instead of ${round}`);
  const check = verifyRound(chain, round, typeof b.signature === 'string' ? b.signature : '');
  if (!check.ok) throw new Error(`${relay}: refused, ${check.message}`);
  return { ok: true, signature: b.signature as string, randomness: check.randomness, relay };
}
