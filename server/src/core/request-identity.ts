/**
 * Restate request identity (request signing). restate-server signs every request it sends to a
 * deployment with an Ed25519 private key (`worker.invoker.request-identity-private-key-pem-file`);
 * the SDK endpoint accepts only requests signed by a key in its `identityKeys`, written
 * `publickeyv1_<base58 of the 32-byte public key>`. This module derives that name from a PEM key.
 */
import { createPublicKey } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet) of bytes. */
export function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) { out = ALPHABET[Number(n % 58n)]! + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = `1${out}`; }
  return out;
}

/** The `publickeyv1_…` identity key of an Ed25519 private (or public) key in PEM. */
export function identityKeyOf(pem: string): string {
  const jwk = createPublicKey(pem).export({ format: 'jwk' }) as { crv?: string; x?: string };
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('The Restate request identity key must be an Ed25519 key (openssl genpkey -algorithm ed25519).');
  return `publickeyv1_${base58(Buffer.from(jwk.x, 'base64url'))}`;
}
