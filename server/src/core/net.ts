/**
 * Where webhooks may go. Outside development, a webhook URL must be https and must not point at
 * this network: loopback, private, link-local (cloud metadata), CGNAT or multicast addresses —
 * otherwise a merchant key could make the worker POST into Restate's admin port or a metadata
 * service. The worker checks the resolved addresses again at delivery (DNS can change).
 */
import { isIP } from 'node:net';

function v4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b < 128)
    || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168);
}

/** True for an IP literal that is not a public unicast address. */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) return v4Private(ip);
  if (kind !== 6) return false;
  const x = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
  if (mapped) return v4Private(mapped[1]!);
  return x === '::' || x === '::1' || /^f[cd]/.test(x) || /^fe[89ab]/.test(x) || /^ff/.test(x);
}

/** Why a webhook URL is refused, or null when it is fine. */
export function webhookUrlProblem(url: string, allowPrivate: boolean): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return 'not a URL'; }
  if (u.protocol !== 'https:' && !(allowPrivate && u.protocol === 'http:')) return 'use an https URL';
  if (allowPrivate) return null;
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)) return 'webhooks cannot point at private or loopback addresses';
  return null;
}
