import { expect } from 'chai';
import { checkPow, powPrefix } from '@fairdrop/sdk/pow';
import { sha256 } from '@noble/hashes/sha2.js';
import { digestHead, prefixState, searchRange } from '../src/pow/sha256-midstate.js';
import { CHUNK, PowPool } from '../src/pow/pool.js';

const newWorker = () => new Worker(new URL('../src/pow/pow.worker.ts', import.meta.url), { type: 'module' });

describe('midstate SHA-256 solver', () => {
  it('finds nonces that checkPow from @fairdrop/sdk/pow accepts', () => {
    for (const challenge of ['a', 'drop-1.shopper-2.1700000000', 'x'.repeat(300)]) {
      const prefix = powPrefix(challenge);
      const mid = prefixState(prefix);
      let start = 0;
      for (let k = 0; k < 5; k++) {
        const n = searchRange(mid, 10, start, 1 << 20);
        expect(n).to.be.at.least(start);
        expect(checkPow(prefix, n, 10)).to.equal(true);
        expect(checkPow(prefix, n, 10) && (n === start || !checkPow(prefix, n - 1, 10) || n - 1 < start)).to.equal(true);
        start = n + 1;
      }
    }
  });

  it('agrees with checkPow on every nonce of a range, including nonces above 2^32', () => {
    const prefix = powPrefix('agree');
    const mid = prefixState(prefix);
    for (const base of [0, 2 ** 32 + 5, 2 ** 52]) {
      for (let i = 0; i < 300; i++) {
        const found = searchRange(mid, 4, base + i, 1) === base + i;
        expect(found, `nonce ${base + i}`).to.equal(checkPow(prefix, base + i, 4));
      }
    }
  });

  it('computes the same first digest words as @noble/hashes sha256, for random prefixes and nonces up to 2^53', () => {
    const rnd = (n: number) => Math.floor(Math.random() * n);
    const nonces = [0, 1, 0xffffffff, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];
    for (let k = 0; k < 200; k++) nonces.push(rnd(2 ** 32), 2 ** 32 * (1 + rnd(2 ** 21 - 1)) + rnd(2 ** 32));
    const msg = new Uint8Array(72);
    const view = new DataView(msg.buffer);
    for (let p = 0; p < 8; p++) {
      const prefix = Array.from({ length: 64 }, () => '0123456789abcdef'[rnd(16)]).join('');
      const mid = prefixState(prefix);
      for (let i = 0; i < 64; i++) msg[i] = prefix.charCodeAt(i);
      for (const nonce of nonces) {
        view.setUint32(64, Math.floor(nonce / 2 ** 32));
        view.setUint32(68, nonce >>> 0);
        const d = new DataView(sha256(msg).buffer);
        const expected = [d.getInt32(0), d.getInt32(4)];
        expect(digestHead(mid, nonce), `prefix ${prefix} nonce ${nonce}`).to.deep.equal(expected);
      }
    }
  });

  it('returns the first nonce of a range at difficulties above 32 bits only when both words qualify', () => {
    // Construct the check from noble's digest: a nonce qualifies at exactly its leading-zero count.
    const prefix = powPrefix('above-32');
    const mid = prefixState(prefix);
    for (const nonce of [7, 2 ** 32 + 9]) {
      const [h0] = digestHead(mid, nonce);
      const z = Math.clz32(h0);
      expect(searchRange(mid, z, nonce, 1)).to.equal(nonce);
      expect(searchRange(mid, z + 1, nonce, 1)).to.equal(-1);
      expect(searchRange(mid, 33, nonce, 1)).to.equal(h0 === 0 ? nonce : -1);
    }
  });

  it('rejects a prefix that is not 64 lower-case hex characters', () => {
    expect(() => prefixState('ABC')).to.throw(RangeError);
  });
});

describe('PoW worker pool', function () {
  this.timeout(20000);
  let pool: PowPool;
  afterEach(() => pool?.dispose());

  it('finds a valid nonce with several workers and reports progress', async () => {
    pool = new PowPool(newWorker, 2);
    const prefix = powPrefix('pool-test');
    const seen: number[] = [];
    const sol = await pool.solve(prefix, 16, { onProgress: (h) => seen.push(h) });
    expect(checkPow(prefix, sol.nonce, 16)).to.equal(true);
    expect(sol.hashes).to.be.greaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.greaterThan(seen[i - 1]!);
  });

  it('cancels through an AbortSignal and can solve again afterwards', async () => {
    pool = new PowPool(newWorker, 2);
    const abort = new AbortController();
    let progress = 0;
    const p = pool.solve(powPrefix('never'), 64, { signal: abort.signal, onProgress: (h) => { progress = h; } });
    // Abort mid-search, after ≥ 300 ms and once a chunk has been reported (a fresh worker's first
    // chunk includes the JIT warm-up of the unrolled loop, which a loaded machine can stretch).
    const stop = () => { if (progress > 0) abort.abort(); else setTimeout(stop, 50); };
    setTimeout(stop, 300);
    const err = await p.then(() => null, (e: unknown) => e as DOMException);
    expect(err?.name).to.equal('AbortError');
    expect(progress).to.be.at.least(CHUNK);
    const prefix = powPrefix('after-cancel');
    const sol = await pool.solve(prefix, 8);
    expect(checkPow(prefix, sol.nonce, 8)).to.equal(true);
  });

  it('keeps the page responsive: a main-thread timer keeps ticking while it solves', async () => {
    pool = new PowPool(newWorker, 2);
    const abort = new AbortController();
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => { const t = performance.now(); gaps.push(t - last); last = t; }, 20);
    const p = pool.solve(powPrefix('busy'), 64, { signal: abort.signal }).catch(() => {});
    await new Promise((r) => setTimeout(r, 1500));
    abort.abort();
    await p;
    clearInterval(timer);
    expect(gaps.length).to.be.greaterThan(40);
    expect(Math.max(...gaps)).to.be.lessThan(250);
  });
});
