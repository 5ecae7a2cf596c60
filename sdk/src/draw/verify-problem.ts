/** The problems a verification reports: one vocabulary for the verifier and its checks. */
/** Codes of {@link VerifyProblem}. */
export const VERIFY_PROBLEM_CODES = [
  'invalid_record',
  'unsupported_spec',
  'invalid_entries',
  'commitment_mismatch',
  'root_mismatch',
  'entry_count_mismatch',
  'total_weight_mismatch',
  'seed_mismatch',
  'winner_count_mismatch',
  'winner_mismatch',
  'backup_count_mismatch',
  'backup_mismatch',
  'unknown_beacon_source',
  'beacon_round_mismatch',
  'beacon_signature_invalid',
  'beacon_mismatch',
] as const;

/** One way in which a record disagrees with the recomputed draw. */
export interface VerifyProblem {
  readonly code: (typeof VERIFY_PROBLEM_CODES)[number];
  readonly message: string;
  /** What the record says, when the problem is a difference. */
  readonly recorded?: string;
  /** What the verifier computed (or expected) instead. */
  readonly recomputed?: string;
}
