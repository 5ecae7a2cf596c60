import { describe, expect, it } from 'vitest';
import { afterFailure, beaconStatus, retryDelay, type BeaconState } from './beacon.js';

describe('beacon wait', () => {
  it('backs off exponentially from the first delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => retryDelay(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('counts failed attempts, says when the next one runs and why the last one failed', () => {
    const b: BeaconState = { round: 7, expectedAt: 5000, state: 'waiting', attempts: 0 };
    const once = afterFailure(b, 6000, 'relay a: down', 500, 8000);
    const twice = afterFailure(once, 7000, 'relay a: down', 500, 8000);
    expect(once).toMatchObject({ state: 'retrying', attempts: 1, nextAttemptAt: 6500 });
    expect(twice).toMatchObject({ attempts: 2, nextAttemptAt: 8000, lastError: 'relay a: down' });
  });

  it('shows scheduled before the close, then the durable state, without the error once received', () => {
    expect(beaconStatus(undefined, undefined, null)).toBeUndefined();
    expect(beaconStatus(9, 0, null)).toEqual({ round: 9, expectedAt: '1970-01-01T00:00:00.000Z', state: 'scheduled', attempts: 0 });
    const got = beaconStatus(9, 0, { round: 9, expectedAt: 0, state: 'received', attempts: 3, lastError: 'x' });
    expect(got).toEqual({ round: 9, expectedAt: '1970-01-01T00:00:00.000Z', state: 'received', attempts: 3 });
  });
});
