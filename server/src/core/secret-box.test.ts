import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { seal, open, openOrNull, smtpPasswordAad, parseKeyring, isSealed, needsReseal } from './secret-box.js';

const SERVER = 'test-server-secret-0123456789abcdef0123456789';
const iv = () => randomBytes(12);
const k = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('merchant secrets at rest', () => {
  it('seals so the plaintext never appears, and opens with the same ring', () => {
    const ring = parseKeyring(undefined, SERVER);
    const sealed = seal('whsec_abc', ring, 'merA:webhookSecret', iv());
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('whsec_abc');
    expect(open(sealed, ring, 'merA:webhookSecret')).toBe('whsec_abc');
  });

  it('binds a sealed value to its merchant and field', () => {
    const ring = parseKeyring(undefined, SERVER);
    const sealed = seal('sts_x', ring, 'merA:shopperTokenSecret', iv());
    expect(() => open(sealed, ring, 'merB:shopperTokenSecret')).toThrow();
    expect(() => open(sealed, ring, 'merA:webhookSecret')).toThrow();
    expect(() => open(sealed.slice(0, -2) + 'AA', ring, 'merA:shopperTokenSecret')).toThrow();
  });

  it('rotates: a new first key seals, older keys (and the derived s0) still open, an unknown key id is named', () => {
    const old = parseKeyring(undefined, SERVER);
    const byS0 = seal('sts_old', old, 'm:f', iv());
    const k1 = k('k1');
    const ring1 = parseKeyring(k1, SERVER);
    const byK1 = seal('sts_new', ring1, 'm:f', iv());
    const ring2 = parseKeyring(`${k('k2')},${k1}`, SERVER);
    expect(open(byS0, ring2, 'm:f')).toBe('sts_old');
    expect(open(byK1, ring2, 'm:f')).toBe('sts_new');
    expect(needsReseal(byK1, ring2)).toBe(true);
    expect(needsReseal(seal('x', ring2, 'm:f', iv()), ring2)).toBe(false);
    expect(() => open(byK1, parseKeyring(k('k3'), SERVER), 'm:f')).toThrow(/"k1"/);
  });

  it('opens legacy plaintext as itself, and refuses malformed keyrings', () => {
    expect(open('whsec_legacy', parseKeyring(undefined, SERVER), 'm:f')).toBe('whsec_legacy');
    expect(() => parseKeyring('k1:short', SERVER)).toThrow(/32-byte/);
    expect(() => parseKeyring(`${k('k1')},${k('k1')}`, SERVER)).toThrow(/twice/);
  });

  it('seals an SMTP password for one merchant only, and openOrNull says null for another merchant or ring', () => {
    const ring = parseKeyring(undefined, SERVER);
    const sealed = seal('hunter2', ring, smtpPasswordAad('merA'), iv());
    expect(sealed).not.toContain('hunter2');
    expect(openOrNull(sealed, ring, smtpPasswordAad('merA'))).toBe('hunter2');
    expect(openOrNull(sealed, ring, smtpPasswordAad('merB'))).toBeNull();
    expect(openOrNull(sealed, parseKeyring(undefined, 'another-server-secret-0123456789abcdef'), smtpPasswordAad('merA'))).toBeNull();
  });
});
