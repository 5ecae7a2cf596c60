import { preview } from './bytes.js';
import type { VerifyProblem } from './verify-problem.js';
import type { DrawRecord } from './run.js';

type Check = [field: keyof DrawRecord, ok: (v: unknown) => boolean, expected: string];

const isString = (v: unknown) => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isIdList = (v: unknown) => Array.isArray(v) && v.every(isString);

const CHECKS: Check[] = [
  ['dropId', isString, 'a string'],
  ['inventory', isCount, 'an integer >= 0'],
  ['backupCount', isCount, 'an integer >= 0'],
  ['commitment', isString, 'a hex string'],
  ['secret', isString, 'a hex string'],
  ['beacon', (v) => v === undefined || isString(v), "a hex string ('' without a beacon)"],
  ['beaconSource', (v) => v === undefined || v === null || isString(v), 'a string or null'],
  ['beaconRound', (v) => v === undefined || v === null || isCount(v), 'an integer >= 1 (with a beacon)'],
  ['beaconSignature', (v) => v === undefined || v === null || isString(v), 'a hex string (with a beacon)'],
  ['closesAt', (v) => v === undefined || isString(v), 'an ISO 8601 time'],
  ['root', isString, 'a hex string'],
  ['entryCount', isCount, 'an integer >= 0'],
  ['totalWeight', isCount, 'an integer >= 0'],
  ['winners', isIdList, 'an array of entryIds'],
  ['backups', isIdList, 'an array of entryIds'],
];

/**
 * Checks that a parsed JSON value has the shape of a DRAW-SPEC §7 record, so the
 * verifier can compare it field by field. Values are compared later, not here.
 */
export function recordShapeProblems(record: unknown): VerifyProblem[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return [{ code: 'invalid_record', message: `the draw record must be a JSON object, got ${preview(record)}` }];
  }
  const r = record as Record<string, unknown>;
  if (r.spec !== 'fairdrop-draw-v1') {
    return [{ code: 'unsupported_spec', message: `record spec is ${preview(r.spec)}; this verifier implements "fairdrop-draw-v1"` }];
  }
  return CHECKS.filter(([field, ok]) => !ok(r[field])).map(([field, , expected]) => ({
    code: 'invalid_record' as const,
    message: `record.${field} must be ${expected}, got ${preview(r[field])}`,
  }));
}
