/**
 * Bot trust score, 0–100: fingerprint 40 + timing/behaviour 30 + proof-of-work 30.
 * Client signals can be forged; they only raise the cost of naive automation. The
 * proof-of-work is the part that costs a bot real work, so registration also requires it.
 */
export interface Signals { dwellMs?: number; pointerEvents?: number; keyEvents?: number; focusChanges?: number; webdriver?: boolean }
export interface Fingerprint { visitorId?: string; components?: Record<string, string | number | boolean>; proRequestId?: string }
/** Verdict of the optional FingerprintJS Pro server check (null when not configured or not sent). */
export type ProVerdict = 'human' | 'bot' | null;

export interface TrustScore { score: number; fingerprint: number; behaviour: number; pow: number }

function fingerprintPart(fp: Fingerprint | undefined, signals: Signals | undefined, pro: ProVerdict): number {
  if (pro === 'bot') return 0;
  if (pro === 'human') return 40;
  let part = 0;
  if (fp?.visitorId && /^[A-Za-z0-9_-]{8,128}$/.test(fp.visitorId)) part += 20;
  if (fp?.components && Object.keys(fp.components).length >= 5) part += 10;
  const ua = String(fp?.components?.userAgent ?? '');
  if (!signals?.webdriver && fp?.components?.webdriver !== true && !/Headless/i.test(ua)) part += 10;
  return part;
}

function behaviourPart(signals: Signals | undefined): number {
  if (!signals) return 0;
  const dwell = signals.dwellMs ?? 0;
  const interactions = (signals.pointerEvents ?? 0) + (signals.keyEvents ?? 0) + (signals.focusChanges ?? 0);
  const timing = dwell >= 1500 ? 15 : dwell >= 600 ? 8 : 0;
  const acts = interactions >= 2 ? 15 : interactions === 1 ? 8 : 0;
  return timing + acts;
}

export function trustScore(input: { signals?: Signals; fingerprint?: Fingerprint; powSolved: boolean; pro?: ProVerdict }): TrustScore {
  const fingerprint = fingerprintPart(input.fingerprint, input.signals, input.pro ?? null);
  const behaviour = behaviourPart(input.signals);
  const pow = input.powSolved ? 30 : 0;
  return { score: fingerprint + behaviour + pow, fingerprint, behaviour, pow };
}

/**
 * Challenge difficulty rises under load from one client: +1 bit for each doubling of its recent
 * challenges (a leaky count, forgetting about 10 a second) beyond `freePerMinute`, capped at +8 bits.
 */
export function challengeDifficulty(base: number, recentFromClient: number, freePerMinute = 10): number {
  if (recentFromClient <= freePerMinute) return base;
  const extra = Math.min(8, Math.floor(Math.log2(recentFromClient / freePerMinute)) + 1);
  return Math.min(32, base + extra);
}
