import { describe, it, expect } from 'vitest';
import { isPrivateAddress, webhookUrlProblem } from './net.js';

describe('webhook destinations', () => {
  it('tells private, loopback, link-local and multicast addresses from public ones', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', 'example.com'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('needs https and a public host unless private destinations are allowed (development)', () => {
    expect(webhookUrlProblem('https://shop.example/hooks', false)).toBeNull();
    expect(webhookUrlProblem('http://shop.example/hooks', false)).toMatch(/https/);
    expect(webhookUrlProblem('https://127.0.0.1:9070/deployments', false)).toMatch(/private/);
    expect(webhookUrlProblem('https://[::1]/x', false)).toMatch(/private/);
    expect(webhookUrlProblem('https://localhost/x', false)).toMatch(/private/);
    expect(webhookUrlProblem('https://169.254.169.254/latest', false)).toMatch(/private/);
    expect(webhookUrlProblem('http://127.0.0.1:4000/hooks', true)).toBeNull();
    expect(webhookUrlProblem('ftp://shop.example/x', true)).toMatch(/https/);
  });
});
