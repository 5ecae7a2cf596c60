/**
 * The Standard Webhooks scheme (standardwebhooks.com), as Fairdrop signs deliveries:
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`,
 * keyed with the base64-decoded part of the secret after `whsec_`. Runtime-neutral (@noble/hashes,
 * atob/btoa), like the rest of the verifier.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The signing key of a `whsec_…` secret. */
export function standardKey(secret: string): Uint8Array {
  return fromBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret);
}

/** The base64 `v1` signature (without the `v1,` prefix). */
export function computeStandardSignature(secret: string, id: string, t: number, body: string): string {
  return toBase64(hmac(sha256, standardKey(secret), encoder.encode(`${id}.${t}.${body}`)));
}

/** The `v1,` signatures in a header (space-separated list; other versions are ignored). */
export function parseStandardSignatures(header: string): string[] {
  return header.split(' ').filter((p) => p.startsWith('v1,')).map((p) => p.slice(3)).filter((s) => /^[A-Za-z0-9+/]+={0,2}$/.test(s));
}

/** Constant-time comparison of two strings. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
