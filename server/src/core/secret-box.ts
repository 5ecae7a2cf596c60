/**
 * Merchant secrets at rest. The shopper-token secret and the webhook secret are stored in Restate
 * state (and so in its journal and snapshots) only sealed: AES-256-GCM with a key from the server
 * configuration, bound by associated data to the merchant and the field, so a sealed value cannot be
 * moved to another merchant or field. Sealed values name their key id, so keys rotate: the first key of
 * the ring seals, every key opens. The IV comes from the caller (the core draws no randomness).
 *
 * Format: `enc1.<keyId>.<base64url iv>.<base64url ciphertext‖tag>`. A value without the prefix is a
 * legacy plaintext (stored before encryption); it opens as itself and is sealed on the next write.
 */
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

export interface SecretKey { id: string; key: Buffer }
/** The first key seals; all open. */
export type SecretKeyring = SecretKey[];

const PREFIX = 'enc1.';

/** The key derived from FAIRDROP_SERVER_SECRET (id `s0`): used when no keyring is configured, and always able to open. */
export function derivedKey(serverSecret: string): SecretKey {
  return { id: 's0', key: Buffer.from(hkdfSync('sha256', serverSecret, 'fairdrop', 'merchant-secrets/v1', 32)) };
}

/**
 * FAIRDROP_SECRET_KEYS: `id:base64key,id:base64key,…` (32-byte keys; ids of 1–16 of A–Z a–z 0–9),
 * newest first. The derived key `s0` is always appended, so values sealed before a keyring was set still open.
 */
export function parseKeyring(value: string | undefined, serverSecret: string): SecretKeyring {
  const ring: SecretKeyring = [];
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9]{1,16}):([A-Za-z0-9+/=_-]+)$/.exec(part);
    const key = m ? Buffer.from(m[2]!, 'base64') : Buffer.alloc(0);
    if (!m || key.length !== 32) throw new Error('FAIRDROP_SECRET_KEYS must be a comma list of id:base64 with 32-byte keys, e.g. k1:$(openssl rand -base64 32).');
    if (m[1] === 's0' || ring.some((k) => k.id === m[1])) throw new Error(`FAIRDROP_SECRET_KEYS: key id "${m[1]}" is used twice or reserved.`);
    ring.push({ id: m[1]!, key });
  }
  ring.push(derivedKey(serverSecret));
  return ring;
}

export const isSealed = (value: string) => value.startsWith(PREFIX);

/** Seal `plaintext` with the ring's first key; `aad` names what it is (merchant and field). */
export function seal(plaintext: string, ring: SecretKeyring, aad: string, iv: Uint8Array): string {
  if (iv.length !== 12) throw new RangeError('seal needs a 12-byte IV');
  const k = ring[0]!;
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(Buffer.from(`${k.id}\u0000${aad}`));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${k.id}.${Buffer.from(iv).toString('base64url')}.${ct.toString('base64url')}`;
}

/** Open a sealed value (or return a legacy plaintext as is). Throws when the key id is unknown or the value was altered. */
export function open(value: string, ring: SecretKeyring, aad: string): string {
  if (!isSealed(value)) return value;
  const [id, ivText, ctText] = value.slice(PREFIX.length).split('.') as [string, string, string];
  const k = ring.find((x) => x.id === id);
  if (!k) throw new Error(`a merchant secret is sealed with key "${id}", which is not in FAIRDROP_SECRET_KEYS; add it back to open it`);
  const data = Buffer.from(ctText ?? '', 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', k.key, Buffer.from(ivText ?? '', 'base64url'));
  decipher.setAAD(Buffer.from(`${k.id}\u0000${aad}`));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** True when a sealed value is sealed with a key other than the ring's first (it should be re-sealed). */
export const needsReseal = (value: string, ring: SecretKeyring) => ring.length > 0 && !value.startsWith(`${PREFIX}${ring[0]!.id}.`);

/** What a merchant's SMTP password is bound to when sealed. */
export const smtpPasswordAad = (merchantId: string) => `${merchantId}:smtpPassword`;

/** Open, or null when the value cannot be opened with this ring (unknown key id, altered, another merchant's). */
export function openOrNull(value: string, ring: SecretKeyring, aad: string): string | null {
  try { return open(value, ring, aad); } catch { return null; }
}
