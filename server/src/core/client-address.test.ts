import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clientAddress, parseProxyTrust, rateKey } from './client-address.js';

describe('client address behind proxies', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress('203.0.113.7', '1.2.3.4', parseProxyTrust('false'))).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', '1.2.3.4', parseProxyTrust(undefined))).toBe('203.0.113.7');
  });

  it('takes the address that many hops from the right, never the client-chosen leftmost', () => {
    // One appending proxy (nginx $proxy_add_x_forwarded_for): "<whatever the client sent>, <client>".
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.9', parseProxyTrust('1'))).toBe('198.51.100.9');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.9', parseProxyTrust('true'))).toBe('198.51.100.9');
    // Two proxies: CDN appends the client, the gateway appends the CDN.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.9, 172.16.0.5', parseProxyTrust('2'))).toBe('198.51.100.9');
    // Fewer entries than hops: the leftmost known address.
    expect(clientAddress('10.0.0.2', undefined, parseProxyTrust('1'))).toBe('10.0.0.2');
    // Garbage at the client position: fall back to the nearest proxy's view.
    expect(clientAddress('10.0.0.2', 'not-an-ip', parseProxyTrust('1'))).toBe('10.0.0.2');
  });

  it('walks past a list of trusted proxy addresses and ranges', () => {
    const trust = parseProxyTrust('10.0.0.0/8, 172.16.0.5');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.9, 172.16.0.5', trust)).toBe('198.51.100.9');
    expect(clientAddress('198.51.100.1', '6.6.6.6', trust)).toBe('198.51.100.1'); // the peer itself is not a trusted proxy
    expect(() => parseProxyTrust('gateway')).toThrow(/not an IP address/);
  });

  it('no value the client puts into X-Forwarded-For changes its key (property)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })), { maxLength: 8 }), fc.ipV4().filter((a) => !a.startsWith('10.')), (spoofed, real) => {
      const sent = spoofed.join(', ');
      const header = sent ? `${sent}, ${real}` : real;
      expect(clientAddress('10.0.0.2', header, parseProxyTrust('1'))).toBe(real);
      expect(clientAddress('10.0.0.2', header, parseProxyTrust('10.0.0.0/8'))).toBe(real);
    }), { seed: 1, numRuns: 500 });
  });

  it('keys IPv6 clients by /64 and folds IPv4-mapped addresses to IPv4', () => {
    expect(rateKey('2001:db8:1:2:aaaa::1')).toBe(rateKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(rateKey('2001:db8:1:2::1')).not.toBe(rateKey('2001:db8:1:3::1'));
    expect(rateKey('::ffff:198.51.100.9')).toBe('198.51.100.9');
    expect(rateKey('198.51.100.9')).toBe('198.51.100.9');
  });
});
