import type { VerifyProblem, VerifyResult } from './verify.js';

/** The checks a verification is made of, in the order a person reads them (DRAW-SPEC §4.1, §7). */
export const CHECK_IDS = ['record', 'commitment', 'beacon_source', 'beacon_round', 'beacon_signature', 'beacon_value', 'entries', 'seed', 'winners', 'backups'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** One check: passed, failed (with the problems that say exactly what differs) or skipped. */
export interface CheckOutcome {
  readonly id: CheckId;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly problems: VerifyProblem[];
}

const CHECK_OF: Record<VerifyProblem['code'], CheckId> = {
  invalid_record: 'record', unsupported_spec: 'record', invalid_entries: 'entries',
  commitment_mismatch: 'commitment', root_mismatch: 'entries', entry_count_mismatch: 'entries', total_weight_mismatch: 'entries',
  seed_mismatch: 'seed', winner_count_mismatch: 'winners', winner_mismatch: 'winners', backup_count_mismatch: 'backups', backup_mismatch: 'backups',
  unknown_beacon_source: 'beacon_source', beacon_round_mismatch: 'beacon_round', beacon_signature_invalid: 'beacon_signature', beacon_mismatch: 'beacon_value',
};

const BEACON_CHECKS: ReadonlySet<CheckId> = new Set(['beacon_source', 'beacon_round', 'beacon_signature']);

/**
 * Groups a {@link VerifyResult}'s problems by check, for people: each check passed, failed or
 * skipped (the drand checks of a drop without a beacon; everything when the record is unusable).
 * @example checksOf(record, await verifyDraw(record, entries)).filter((c) => c.status === 'failed')
 */
export function checksOf(record: unknown, result: VerifyResult): CheckOutcome[] {
  const byCheck = new Map<CheckId, VerifyProblem[]>();
  for (const p of result.problems) byCheck.set(CHECK_OF[p.code], [...(byCheck.get(CHECK_OF[p.code]) ?? []), p]);
  const usable = result.recomputed !== undefined;
  const hasBeacon = typeof record === 'object' && record !== null && (record as { beaconSource?: unknown }).beaconSource != null;
  const unknownChain = byCheck.has('beacon_source');
  return CHECK_IDS.map((id) => {
    const problems = byCheck.get(id) ?? [];
    if (problems.length > 0) return { id, status: 'failed' as const, problems };
    const skipped = (id !== 'record' && !usable) || (BEACON_CHECKS.has(id) && (!hasBeacon || (unknownChain && id !== 'beacon_source')));
    return { id, status: skipped ? ('skipped' as const) : ('passed' as const), problems };
  });
}
