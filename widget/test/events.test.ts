import { expect } from 'chai';
import { checkPow } from '@fairdrop/sdk/pow';
import type { FairDropEventDetails } from '../src/events.js';
import { FakeEventSource } from './fixtures/fake-network.js';
import { receipt, states } from './fixtures/states.js';
import { cleanup, mount, text, waitFor } from './helpers.js';

afterEach(cleanup);

function capture<K extends keyof FairDropEventDetails>(name: K) {
  const got: CustomEvent<FairDropEventDetails[K]>[] = [];
  const fn = (e: Event) => got.push(e as CustomEvent<FairDropEventDetails[K]>);
  document.addEventListener(name, fn);
  return { got, stop: () => document.removeEventListener(name, fn) };
}

describe('events for the host page', () => {
  it('fairdrop:ready carries the drop; events bubble and are composed', async () => {
    const ready = capture('fairdrop:ready');
    await mount('open');
    ready.stop();
    expect(ready.got).to.have.length(1);
    const e = ready.got[0]!;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.drop.id).to.equal('drp_demo');
  });

  it('registering solves the PoW, sends signals and fingerprint, and fires fairdrop:registered', async () => {
    const reg = capture('fairdrop:registered');
    const { el, calls } = await mount('open', { receipt: receipt(Date.now()), difficulty: 12 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.primary')!.click();
    await waitFor(() => el.view === 'registered', 10000);
    reg.stop();
    expect(reg.got[0]!.detail.receipt.entryId).to.equal('ent_7Qk2M9xZ');
    const body = calls.find((c) => c.method === 'POST' && c.path.endsWith('/entries'))!.body as Record<string, any>;
    expect(body.tickets).to.equal(1);
    expect(checkPow('0'.repeat(64), body.pow.nonce, 12)).to.equal(true);
    expect(body.signals).to.include.keys('dwellMs', 'pointerEvents', 'keyEvents', 'focusChanges', 'webdriver');
    expect(body.fingerprint.visitorId).to.match(/^[0-9a-f]{14}$/);
    expect(text(el, '.receipt')).to.match(/ent_7Qk2M9xZ/);
  });

  it('fairdrop:won, fairdrop:promoted and fairdrop:lost fire on status changes with their details', async () => {
    const won = capture('fairdrop:won'), promoted = capture('fairdrop:promoted'), lost = capture('fairdrop:lost');
    const { el } = await mount('won');
    expect(won.got[0]!.detail).to.deep.equal({ entryId: 'ent_7Qk2M9xZ', purchaseDeadline: el.me!.purchaseDeadline });
    el.remove();
    const b = await mount('backup');
    await waitFor(() => FakeEventSource.last);
    const deadline = new Date(Date.now() + 600e3).toISOString();
    FakeEventSource.last.emit('entry', { type: 'entry', serverTime: '', entry: { entryId: 'ent_7Qk2M9xZ', status: 'won', purchaseDeadline: deadline } });
    await waitFor(() => promoted.got.length === 1);
    expect(promoted.got[0]!.detail).to.deep.equal({ entryId: 'ent_7Qk2M9xZ', purchaseDeadline: deadline });
    b.el.remove();
    await mount('lost');
    for (const c of [won, promoted, lost]) c.stop();
    expect(lost.got[0]!.detail).to.deep.equal({ entryId: 'ent_7Qk2M9xZ', rolloverCreditsEarned: 2 });
  });

  it('fairdrop:purchase is cancelable and carries the token and checkout URL', async () => {
    const { el } = await mount('won', {}, { 'checkout-url': 'https://shop.test/checkout?sku=aero' });
    const seen: FairDropEventDetails['fairdrop:purchase'][] = [];
    el.addEventListener('fairdrop:purchase', (e) => { seen.push(e.detail); e.preventDefault(); });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.buy')!.click();
    await waitFor(() => seen.length === 1);
    expect(seen[0]!.purchaseToken).to.equal('ptk_123');
    expect(seen[0]!.checkoutUrl).to.equal('https://shop.test/checkout?sku=aero&token=ptk_123');
  });

  for (const [state, code, copy] of [
    ['error-rate-limited', 'rate_limited', /Lots of people/],
    ['error-bot-check', 'bot_check_failed', /couldn’t confirm this entry/],
    ['error-network', 'network', /couldn’t reach the drop/],
  ] as const) {
    it(`fairdrop:error reports ${code}, with kind copy and a retry path`, async () => {
      const errs = capture('fairdrop:error');
      const { el } = await mount(state, { difficulty: 4 });
      el.shadowRoot!.querySelector<HTMLButtonElement>('.primary')!.click();
      await waitFor(() => errs.got.length > 0, 10000);
      errs.stop();
      expect(errs.got[0]!.detail.code).to.equal(code);
      await el.updateComplete;
      expect(text(el, '[role=alert]')).to.match(copy);
      const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!;
      if (code === 'rate_limited') {
        expect(errs.got[0]!.detail.retryAfterSeconds).to.equal(30);
        expect(retry.disabled).to.equal(true);
        expect(retry.textContent).to.match(/Try again in (30|29)s/);
      } else {
        expect(retry.disabled).to.equal(false);
      }
    });
  }

  it('a phase change from the stream moves a scheduled drop to open', async () => {
    const { el } = await mount('scheduled');
    await waitFor(() => FakeEventSource.last);
    FakeEventSource.last.emit('drop', { type: 'drop', serverTime: '', drop: { ...states(Date.now()).open.drop, version: 99 } });
    await waitFor(() => el.view === 'open');
  });
});

describe('outcomes from the stream', () => {
  it('shows a registered shopper the outcome the stream reads from the record, with credits from the receipt', async () => {
    const lost = capture('fairdrop:lost');
    const drawing = states(Date.now()).drawing!;
    const { el } = await mount('drawing', { drop: { ...drawing.drop, rollover: { enabled: true, cap: 5 } } });
    await waitFor(() => FakeEventSource.last);
    FakeEventSource.last.emit('entry', { type: 'entry', serverTime: '', entry: { entryId: 'ent_7Qk2M9xZ', status: 'lost' } });
    await waitFor(() => el.view === 'lost');
    lost.stop();
    expect(lost.got[0]!.detail).to.deep.equal({ entryId: 'ent_7Qk2M9xZ', rolloverCreditsEarned: 1 });
  });

  it('ignores a record-derived "lost" for a shopper who never registered', async () => {
    const { el } = await mount('missed-purchase');
    await waitFor(() => FakeEventSource.last);
    FakeEventSource.last.emit('entry', { type: 'entry', serverTime: '', entry: { entryId: 'ent_someone', status: 'lost' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(el.view).to.equal('missed');
  });
});
