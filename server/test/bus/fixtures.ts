import type { DropEvent } from '../../src/bus/bus.js';

export function dropEvent(dropId: string, version: number, merchantId = 'm1'): DropEvent {
  return {
    kind: 'drop',
    merchantId,
    reason: 'phase',
    drop: {
      id: dropId,
      name: 'Test drop',
      phase: 'registration',
      version,
      inventory: 1,
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-01-01T01:00:00.000Z',
      purchaseWindowSeconds: 60,
      maxTickets: 1,
      pricing: [],
      commitment: '0'.repeat(64),
      allowAnonymous: true,
      counts: { entries: 0, tickets: 0 },
      serverTime: '2026-01-01T00:00:00.000Z',
    },
  };
}

/** A prefix no other test (or test run) shares, so runs against one NATS server never mix. */
export function uniqueId(label: string): string {
  return `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
