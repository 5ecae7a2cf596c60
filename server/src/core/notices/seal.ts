/**
 * Secrets at rest (the merchant's SMTP password): AES-256-GCM with a key from the server's
 * configuration. The IV comes from the caller (the core draws no randomness). Format
 * `v1.<iv b64url>.<ciphertext+tag b64url>`; the merchant id is bound as associated data, so a
 * sealed value copied to another merchant does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

/** The 32-byte key: FAIRDROP_EMAIL_KEY when given (64 hex), else derived from the server secret. */
export function emailKey(serverSecret: string, explicitHex?: string): Buffer {
  if (explicitHex) {
    if (!/^[0-9a-fA-F]{64}$/.test(explicitHex)) throw new Error('FAIRDROP_EMAIL_KEY must be 64 hex characters (32 bytes).');
    return Buffer.from(explicitHex, 'hex');
  }
  return Buffer.from(hkdfSync('sha256', serverSecret, 'fairdrop', 'email credentials v1', 32));
}

export function seal(key: Buffer, iv: Uint8Array, merchantId: string, plaintext: string): string {
  if (iv.length !== 12) throw new RangeError('the IV must be 12 bytes');
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(merchantId));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]);
  return `v1.${Buffer.from(iv).toString('base64url')}.${ct.toString('base64url')}`;
}

/** The plaintext, or null when the value was not sealed with this key for this merchant. */
export function unseal(key: Buffer, merchantId: string, sealed: string): string | null {
  const [v, ivB, ctB] = sealed.split('.');
  if (v !== 'v1' || !ivB || !ctB) return null;
  try {
    const ct = Buffer.from(ctB, 'base64url');
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB, 'base64url'));
    d.setAAD(Buffer.from(merchantId));
    d.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
