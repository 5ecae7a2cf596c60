/**
 * The registration bot guard: a signed, expiring proof-of-work challenge bound to drop and shopper,
 * checked statelessly; an in-process replay set makes each challenge single-use on this process
 * (across processes, the binding makes a replay a harmless repeat of the same registration);
 * the trust score; and the optional FingerprintJS Pro server check.
 */
import { powPrefix, checkPow, POW_ALGORITHM } from '@fairdrop/sdk/pow';
import { signToken, verifyToken, type PowPayload } from '../core/tokens.js';
import { trustScore, challengeDifficulty, type ProVerdict, type TrustScore } from '../core/trust.js';
import { base62, sha256Hex } from '../core/ids.js';
import { FairdropError } from '../core/errors.js';
import type { DropConfig } from '../core/model.js';
import type { ApiDeps } from './context.js';

const CHALLENGE_TTL_MS = 5 * 60_000;
const binding = (shopperId: string) => sha256Hex(`pow\u0000${shopperId}`).slice(0, 32);

export function issueChallenge(deps: ApiDeps, config: DropConfig, shopperId: string, clientKey: string) {
  const now = deps.now();
  deps.challengeCounter.take(clientKey, now);
  const difficulty = challengeDifficulty(config.powDifficulty, deps.challengeCounter.used(clientKey, now));
  const payload: PowPayload = { d: config.id, s: binding(shopperId), x: now + CHALLENGE_TTL_MS, n: base62(deps.random(16), 16), b: difficulty };
  const challenge = signToken('pow', payload, deps.config.serverSecret);
  return { algorithm: POW_ALGORITHM, challenge, prefix: powPrefix(challenge), difficulty, expiresAt: new Date(payload.x).toISOString() };
}

/** Single use of challenges, O(1) per check (core/replay-guard.ts). */
export { ReplayGuard } from '../core/replay-guard.js';

/** Verify the PoW solution; returns the challenge nonce (for replay checks). */
export function verifyPow(deps: ApiDeps, dropId: string, shopperId: string, pow: { challenge: string; nonce: number }): { nonce: string; expiresAt: number } {
  const check = verifyToken<PowPayload>('pow', pow.challenge, deps.config.serverSecret, deps.now());
  if (!check.ok && check.reason === 'expired') throw new FairdropError('pow_expired', 'The challenge expired. Ask for a new one and solve it again.');
  if (!check.ok || check.payload.d !== dropId || check.payload.s !== binding(shopperId)) throw new FairdropError('pow_invalid', 'This challenge was not issued for this drop and shopper. Ask for a new one.');
  if (!checkPow(powPrefix(pow.challenge), pow.nonce, check.payload.b)) throw new FairdropError('pow_invalid', `The nonce does not give ${check.payload.b} leading zero bits. Solve the challenge again.`);
  return { nonce: check.payload.n, expiresAt: check.payload.x };
}

/** FingerprintJS Pro Server API: the event's bot verdict, or null when unavailable (fails open). */
export async function proVerdict(deps: ApiDeps, requestId: string | undefined): Promise<ProVerdict> {
  const pro = deps.config.fingerprintPro;
  if (!pro || !requestId) return null;
  try {
    const res = await deps.fetch(`${pro.url}/events/${encodeURIComponent(requestId)}`, { headers: { 'Auth-API-Key': pro.secret }, signal: AbortSignal.timeout(2000) });
    if (!res.ok) return null;
    const body = (await res.json()) as { products?: { botd?: { data?: { bot?: { result?: string } } } } };
    const result = body.products?.botd?.data?.bot?.result;
    return result === 'notDetected' ? 'human' : result === 'good' || result === 'bad' ? 'bot' : null;
  } catch {
    return null;
  }
}

export function requireTrust(score: TrustScore, threshold: number): void {
  if (score.score < threshold) {
    throw new FairdropError('bot_check_failed', 'We could not confirm this is a person. Reload the page, interact with it normally and try again.');
  }
}

export { trustScore };
