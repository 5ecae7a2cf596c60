/**
 * Where an SMTP relay may be. Like webhooks: outside development the relay must be a public host
 * (never loopback, private, link-local or metadata addresses) and the connection encrypted.
 * The worker checks the resolved addresses again when it connects (DNS can change).
 */
import { isPrivateAddress } from '../net.js';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** Why this relay is refused, or null when it is fine. */
export function smtpHostProblem(host: string, security: SmtpSecurity, allowPrivate: boolean): { path: string; message: string } | null {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (!/^[a-z0-9.:-]{1,253}$/.test(h) || h.startsWith('-') || h.includes('..')) return { path: 'smtp.host', message: 'use a host name or IP address' };
  if (allowPrivate) return null;
  if (security === 'none') return { path: 'smtp.security', message: 'use tls or starttls: credentials and addresses must not cross the network in clear text' };
  if (h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h)) return { path: 'smtp.host', message: 'SMTP relays cannot be private or loopback addresses' };
  return null;
}

/** True when any resolved address is private (checked at connect time). */
export const resolvesPrivate = (addresses: string[]) => addresses.some((a) => isPrivateAddress(a));
