import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isPrivateAddress, isPublicAddress, webhookUrlProblem } from './net.js';

// Every spelling the hardening review got through (issue 9, item 2), and the usual suspects.
const REFUSED_URLS = [
  'https://[::ffff:127.0.0.1]:9070/x', 'https://[::ffff:7f00:1]/x', 'https://[::ffff:169.254.169.254]/latest', 'https://[::ffff:10.0.0.1]/x',
  'https://[0:0:0:0:0:ffff:127.0.0.1]/x', 'https://localhost./x', 'https://LOCALHOST/x', 'https://api.localhost/x', 'https://[::127.0.0.1]/x',
  'https://[64:ff9b::7f00:1]/x', 'https://[64:ff9b:1::a00:1]/x', 'https://[fec0::1]/x', 'https://198.18.0.1/x', 'https://198.19.255.255/x',
  'https://127.1/x', 'https://0x7f000001/x', 'https://2130706433/x', 'https://0177.0.0.1/x', 'https://100.64.0.1/x', 'https://192.0.0.8/x',
  'https://192.0.2.1/x', 'https://203.0.113.9/x', 'https://224.0.0.1/x', 'https://255.255.255.255/x', 'https://0.0.0.0/x', 'https://[::]/x',
  'https://[::1]/x', 'https://[fd00::1]/x', 'https://[fe80::1]/x', 'https://[ff02::1]/x', 'https://[2002:7f00:1::]/x', 'https://[2001::1]/x',
  'https://[2001:db8::1]/x', 'https://[100::1]/x', 'https://metadata.google.internal/x', 'https://printer.local/x', 'https://169.254.169.254/latest',
];

describe('webhook destinations', () => {
  it('tells public unicast addresses from every special-purpose range', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
      '198.18.0.1', '::1', '::', 'fd00::1', 'fe80::1', 'fec0::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::7f00:1', '2001:db8::1', '::7f00:1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '198.20.0.1', '2001:4860:4860::8888', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(ip), ip).toBe(true);
    expect(isPrivateAddress('example.com')).toBe(false); // a name, not an address: resolved and checked at delivery
    expect(isPublicAddress('example.com')).toBe(false);
  });

  it.each(REFUSED_URLS)('refuses %s outside development', (url) => {
    expect(webhookUrlProblem(url, false)).toMatch(/private/);
  });

  it('refuses every IPv4-mapped spelling of a non-public IPv4 address (property)', () => {
    fc.assert(fc.property(fc.ipV4(), (v4) => {
      const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
      const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
      const verdicts = [v4, `::ffff:${v4}`, `::ffff:${hex}`, `0:0:0:0:0:ffff:${v4}`].map(isPublicAddress);
      expect(new Set(verdicts).size, v4).toBe(1);
    }), { seed: 9, numRuns: 2000 });
  });

  it('needs https and a public host unless private destinations are allowed (development)', () => {
    expect(webhookUrlProblem('https://shop.example/hooks', false)).toBeNull();
    expect(webhookUrlProblem('https://[2606:4700::1111]/hooks', false)).toBeNull();
    expect(webhookUrlProblem('http://shop.example/hooks', false)).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@shop.example/hooks', false)).toMatch(/credentials/);
    expect(webhookUrlProblem('http://127.0.0.1:4000/hooks', true)).toBeNull();
    expect(webhookUrlProblem('ftp://shop.example/x', true)).toMatch(/https/);
  });
});
