/**
 * Identifiers. Random ids take their bytes from the caller (the core never draws randomness).
 * Entry ids are pseudonymous and deterministic: HMAC(serverSecret, drop, shopper), so a retried
 * registration gets the same id, and nobody without the server secret can link an id to a shopper.
 * The first two characters name the ledger shard (base 36), so the aftermath can address shards
 * from entry ids alone.
 */
import { createHash, createHmac } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const MAX_SHARDS = 36 * 36;

/** Base62 of bytes, `length` characters (each from one byte mod 62; bias is irrelevant for ids). */
export function base62(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[(bytes[i % bytes.length]! + Math.floor(i / bytes.length) * 7) % 62];
  return out;
}

/** `prefix` + 14 base62 characters from ≥ 14 random bytes. */
export function newId(prefix: string, random: Uint8Array): string {
  if (random.length < 14) throw new RangeError('newId needs at least 14 random bytes');
  return prefix + base62(random, 14);
}

/** Ledger shard of a shopper within a merchant: stable across drops, so wallets live beside entries. */
export function shardOf(merchantId: string, shopperId: string, shards: number): number {
  const h = createHash('sha256').update(`${merchantId}\u0000${shopperId}`).digest();
  return h.readUInt32BE(0) % shards;
}

/** The entry id of a shopper in a drop. */
export function entryIdFor(serverSecret: string, dropId: string, shopperId: string, shard: number): string {
  if (shard < 0 || shard >= MAX_SHARDS) throw new RangeError('shard out of range');
  const mac = createHmac('sha256', serverSecret).update(`entry\u0000${dropId}\u0000${shopperId}`).digest();
  return shard.toString(36).padStart(2, '0') + base62(mac, 14);
}

/** The shard encoded in an entry id. */
export function shardOfEntryId(entryId: string): number {
  return parseInt(entryId.slice(0, 2), 36);
}

/** Ledger object key for a merchant's shard. */
export const ledgerKey = (merchantId: string, shard: number) => `${merchantId}:${shard}`;
/** The shard number of a ledger object key (the inverse of {@link ledgerKey}). */
export const shardOfLedgerKey = (key: string) => Number(key.slice(key.lastIndexOf(':') + 1));
/**
 * The one key of an entry within its drop: the holder object's key, and the SSE role's index of
 * watching shoppers. Callers keep dropId and entryId beside it rather than slicing it apart.
 */
export const entryKey = (dropId: string, entryId: string) => `${dropId}:${entryId}`;

/** sha256 hex, for key hashes and bindings. */
export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
