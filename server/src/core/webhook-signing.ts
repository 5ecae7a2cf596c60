/**
 * Webhook signatures. Standard Webhooks (standardwebhooks.com): `webhook-id`, `webhook-timestamp`
 * and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the
 * base64-decoded part of the secret after `whsec_`. The older `Fairdrop-Signature: t=…,v1=<hex>`
 * (HMAC of "<t>.<body>" keyed with the whole secret string) is sent beside it for one deprecation
 * period, so existing receivers keep working while they move to any Standard Webhooks library.
 */
import { createHmac } from 'node:crypto';

/** The Standard Webhooks key: the base64 after `whsec_` (our secrets are base62, a subset of base64). */
export function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

export function standardSignature(secret: string, id: string, t: number, body: string): string {
  return `v1,${createHmac('sha256', standardKey(secret)).update(`${id}.${t}.${body}`).digest('base64')}`;
}

/** The deprecated scheme's header value. */
export function legacySignature(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Every signature header of one delivery at time t (unix seconds). */
export function signatureHeaders(secret: string, id: string, body: string, t: number): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(t),
    'webhook-signature': standardSignature(secret, id, t, body),
    'fairdrop-signature': legacySignature(secret, body, t),
  };
}
