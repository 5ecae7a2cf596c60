import { expect } from 'chai';
import { ClockSync } from '../src/controllers/clock-sync.js';
import { clockText, milestone } from '../src/view/time.js';

/** A simulated network: local clock `local`, server = local + skew, random one-way delays. */
function simulate(skew0: number, jitter: number, seed = 1) {
  let skew = skew0;
  let local = 1_700_000_000_000;
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const clock = new ClockSync({ localNow: () => local });
  const round = () => {
    const up = 20 + rand() * jitter, down = 20 + rand() * jitter;
    const t0 = local; local += up;
    const server = local + skew; local += down;
    clock.addSample(t0, local, server);
  };
  return { clock, round, advance: (ms: number) => { local += ms; }, setSkew: (v: number) => { skew = v; } };
}

describe('clock sync', () => {
  for (const [skew, jitter] of [[5_000, 200], [-90_000, 400], [1234, 30]] as const) {
    it(`converges under ${skew} ms skew and ${jitter} ms jitter`, () => {
      const sim = simulate(skew, jitter);
      for (let i = 0; i < 30; i++) { sim.round(); sim.advance(1000); }
      // The error is bounded by the asymmetry of the fastest round trips, not by the jitter.
      expect(Math.abs(sim.clock.offset - skew)).to.be.lessThan(jitter / 4 + 10);
    });
  }

  it('keeps the lowest-RTT samples: one slow outlier barely moves the offset', () => {
    const clock = new ClockSync({ localNow: () => 0 });
    for (let i = 0; i < 8; i++) clock.addSample(i * 1000, i * 1000 + 40, i * 1000 + 20 + 500);
    const before = clock.offset;
    clock.addSample(9000, 12000, 9000 + 2900 + 500); // 3 s RTT, server stamp late: offset would be +1400
    expect(Math.abs(clock.offset - before)).to.be.lessThan(1);
  });

  it('never moves time (and so a countdown) backwards, even when the offset drops', () => {
    const sim = simulate(10_000, 100);
    for (let i = 0; i < 5; i++) sim.round();
    const deadline = sim.clock.now() + 60_000;
    let last = Infinity;
    for (let i = 0; i < 200; i++) {
      // The server clock is corrected by −3 s halfway through: a naive countdown would jump up.
      if (i === 100) sim.setSkew(7_000);
      const remaining = deadline - sim.clock.now();
      expect(remaining).to.be.at.most(last);
      last = remaining;
      sim.advance(250);
      if (i % 4 === 0) sim.round();
    }
  });

  it('smooths with an EMA (α≈0.3) instead of jumping to a new offset', () => {
    const clock = new ClockSync({ localNow: () => 0, keep: 1, best: 1 });
    clock.addSample(0, 10, 5 + 1000);
    expect(clock.offset).to.equal(1000);
    clock.addSample(0, 10, 5 + 2000);
    expect(clock.offset).to.be.closeTo(1300, 1e-9);
  });

  it('a countdown stays monotonic across a −3 s server correction', () => {
    let local = 0;
    const clock = new ClockSync({ localNow: () => local, keep: 1, best: 1 });
    clock.addSample(0, 10, 5 + 5000);
    const deadline = 60_000;
    const shown: number[] = [];
    for (let i = 0; i < 40; i++) {
      if (i === 10) clock.addSample(local, local + 10, local + 5 + 2000); // offset 5000 → 4100
      shown.push(deadline - clock.now());
      local += 250;
    }
    for (let i = 1; i < shown.length; i++) expect(shown[i]).to.be.at.most(shown[i - 1]!);
  });
});

describe('countdown text', () => {
  it('formats days, hours, minutes and seconds', () => {
    expect(clockText(65_000)).to.equal('01:05');
    expect(clockText(3_600_000 + 61_000)).to.equal('01:01:01');
    expect(clockText(2 * 86_400_000 + 5_000)).to.equal('2d 00:00:05');
    expect(clockText(-5)).to.equal('00:00');
  });

  it('announces milestones, not every second', () => {
    const texts = new Set<string>();
    for (let ms = 20 * 60_000; ms > 0; ms -= 1000) texts.add(milestone(ms).join(' '));
    // 20 min, 15, 10 (5-min steps), 9…2 min, 60 s, 30 s, 10 s: about 15 announcements in 20 minutes.
    expect(texts.size).to.be.lessThan(20);
  });
});
