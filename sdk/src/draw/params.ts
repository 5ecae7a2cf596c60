import { fromHex, preview } from './bytes.js';
import { isValidId } from './entries.js';
import { DrawInputError } from './errors.js';

/** The draw's parameters besides the entries, as published (hex for byte strings). */
export interface DrawParams {
  /** 1 to 64 characters of `[A-Za-z0-9_-]`. */
  readonly dropId: string;
  /** The revealed secret: 32 bytes as 64 lower-case hex characters. */
  readonly secret: string;
  /** Public randomness as lower-case hex; `''` when no beacon is used. */
  readonly beacon: string;
  /** Number of items; winners = min(inventory, N). */
  readonly inventory: number;
  /** Number of backups asked for. */
  readonly backupCount: number;
}

/** {@link DrawParams} decoded to bytes. */
export interface DecodedParams {
  readonly dropId: string;
  readonly secret: Uint8Array;
  readonly beacon: Uint8Array;
  readonly inventory: number;
  readonly backupCount: number;
}

/**
 * Validates and decodes the parameters (DRAW-SPEC §2, §4).
 * @throws DrawInputError invalid_drop_id | invalid_secret | invalid_hex | invalid_count
 */
export function decodeParams(p: DrawParams): DecodedParams {
  if (!isValidId(p.dropId)) {
    throw new DrawInputError('invalid_drop_id', `dropId must be 1 to 64 characters of [A-Za-z0-9_-], got ${preview(p.dropId)}`);
  }
  const secret = fromHex(p.secret, 'secret');
  if (secret.length !== 32) {
    throw new DrawInputError('invalid_secret', `secret must be 32 bytes (64 hex characters), got ${secret.length} bytes`);
  }
  const beacon = fromHex(p.beacon ?? '', 'beacon');
  checkCount('inventory', p.inventory);
  checkCount('backupCount', p.backupCount);
  return { dropId: p.dropId, secret, beacon, inventory: p.inventory, backupCount: p.backupCount };
}

function checkCount(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DrawInputError('invalid_count', `${name} must be an integer >= 0, got ${preview(value)}`);
  }
}
