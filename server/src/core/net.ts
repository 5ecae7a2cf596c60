/**
 * Where webhooks may go. Outside development a webhook URL must be https and its host must be a
 * public unicast address: never loopback, private, link-local (cloud metadata), CGNAT, benchmarking,
 * documentation, multicast, IPv4-mapped/compatible, NAT64, 6to4, Teredo, site-local or unique-local —
 * otherwise a merchant key could make the worker POST into Restate's admin port or a metadata
 * service. Addresses are parsed (ipaddr.js) and matched against ranges, never against text, so
 * every spelling of an address (`[::ffff:7f00:1]`, `0x7f000001`, `127.1`) lands in the same range.
 * The worker resolves names once at delivery, checks every address, and connects to the checked one.
 */
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
const cidrs = (list: string[]): Range[] => list.map((c) => ipaddr.parseCIDR(c));

/** IANA IPv4 special-purpose registry, plus multicast and the reserved class E. */
const V4_BLOCKED = cidrs([
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.88.99.0/24', '192.168.0.0/16', '192.175.48.0/24',
  '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
]);
/** Only global unicast (2000::/3) is public; inside it, these special ranges are not. */
const V6_GLOBAL = ipaddr.parseCIDR('2000::/3');
const V6_BLOCKED = cidrs(['2001::/23', '2001:db8::/32', '2002::/16', '3fff::/20', '5f00::/16']);

const inAny = (addr: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]) => ranges.some((r) => addr.kind() === r[0].kind() && addr.match(r));

/** The address as ipaddr parses it (brackets allowed), or null when `text` is not an IP literal. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return null;
  // ipaddr accepts IPv4 shorthands ("127.1") that URL parsing also normalizes; keep only strict forms.
  if (!ipaddr.IPv6.isValid(bare) && !ipaddr.IPv4.isValidFourPartDecimal(bare)) return null;
  return ipaddr.parse(bare);
}

/** True for a public unicast address; false for every other range (and for text that is not an address). */
export function isPublicAddress(ip: string): boolean {
  let addr = parseAddress(ip);
  if (!addr) return false;
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.kind() === 'ipv4') return !inAny(addr, V4_BLOCKED);
  return addr.match(V6_GLOBAL) && !inAny(addr, V6_BLOCKED);
}

/** True for an IP literal that is not a public unicast address (false for host names). */
export function isPrivateAddress(ip: string): boolean {
  return parseAddress(ip) !== null && !isPublicAddress(ip);
}

/** Host names that always mean this machine (RFC 6761), with or without the root dot. */
export function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.+$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '' || h.endsWith('.internal') || h.endsWith('.local');
}

/** Why a webhook URL is refused, or null when it is fine. */
export function webhookUrlProblem(url: string, allowPrivate: boolean): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return 'not a URL'; }
  if (u.protocol !== 'https:' && !(allowPrivate && u.protocol === 'http:')) return 'use an https URL';
  if (u.username || u.password) return 'credentials in the URL are not allowed; authenticate with the signature';
  if (allowPrivate) return null;
  const host = u.hostname;
  if (isLocalName(host) || (parseAddress(host) !== null && !isPublicAddress(host))) return 'webhooks cannot point at private or loopback addresses';
  return null;
}
