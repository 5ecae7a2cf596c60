/**
 * Who the client is, for rate limits and PoW difficulty. Behind proxies, X-Forwarded-For is a list
 * each proxy appends to, so only its right end can be trusted: the leftmost entries are whatever the
 * client sent. Trust is configured either as a number of proxy hops (the client is that many
 * addresses from the right, counting the socket's peer) or as a list of trusted proxy addresses and
 * ranges (walk from the right past trusted proxies; the first other address is the client).
 */
import ipaddr from 'ipaddr.js';

export type ProxyTrust = { hops: number } | { trusted: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> } | null;

const normal = (text: string): ipaddr.IPv4 | ipaddr.IPv6 | null => {
  const t = text.trim().replace(/^\[|\](:\d+)?$/g, '');
  if (!ipaddr.isValid(t)) return null;
  const a = ipaddr.parse(t);
  return a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
};

/** Parse FAIRDROP_TRUST_PROXY: `false`/empty, `true` (= 1 hop), a hop count, or a comma list of addresses/CIDRs. */
export function parseProxyTrust(value: string | undefined): ProxyTrust {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return null;
  if (v === 'true') return { hops: 1 };
  if (/^\d+$/.test(v)) return { hops: Math.min(Number(v), 32) };
  const trusted = v.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    if (s.includes('/')) return ipaddr.parseCIDR(s);
    const a = normal(s);
    if (!a) throw new Error(`FAIRDROP_TRUST_PROXY: "${s}" is not an IP address or CIDR range (use false, a hop count, or a list of proxy addresses).`);
    return [a, a.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
  });
  return { trusted };
}

const isTrusted = (a: ipaddr.IPv4 | ipaddr.IPv6, trusted: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>) =>
  trusted.some((r) => r[0].kind() === a.kind() && a.match(r));

/** The client's address from the socket peer and X-Forwarded-For, under the configured trust. */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: ProxyTrust): string {
  const chain = [...(trust && forwardedFor ? forwardedFor.split(',') : []), peer ?? ''].map((s) => s.trim());
  if (!trust) return peer ?? 'unknown';
  if ('hops' in trust) {
    // Fewer entries than hops: the request did not come through every proxy; the leftmost is the best we know.
    const i = Math.max(0, chain.length - 1 - trust.hops);
    return normal(chain[i]!) ? chain[i]! : chain[Math.min(i + 1, chain.length - 1)]!;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = normal(chain[i]!);
    if (!a) return chain[Math.min(i + 1, chain.length - 1)]!; // garbage left of a trusted proxy: stop at the proxy
    if (!isTrusted(a, trust.trusted)) return chain[i]!;
  }
  return chain[0]!;
}

/**
 * The rate-limit key of an address: IPv4 as is (IPv4-mapped IPv6 folded to IPv4), IPv6 by its /64
 * (one subscriber's allocation; an attacker holds a whole /64, so per-address keys are free to rotate).
 */
export function rateKey(address: string): string {
  const a = normal(address);
  if (!a) return address.slice(0, 64);
  if (a.kind() === 'ipv4') return a.toString();
  const parts = (a as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
