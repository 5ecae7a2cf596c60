// Issue 18 ("a merchant's first hour"): each test names the item it pins.
import { expect } from 'chai';
import { inclusionProof, runDraw } from '@fairdrop/sdk/draw';
import { cleanup, expectAccessible, mount, newWorker, text, waitFor } from './helpers.js';
import { FakeEventSource } from './fixtures/fake-network.js';
import { states } from './fixtures/states.js';

afterEach(cleanup);

type St = { drop: Record<string, unknown>; me: Record<string, unknown> };
const st = (name: string): St => (states(Date.now()) as unknown as Record<string, St>)[name]!;
const button = (el: Element, label: RegExp) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => label.test(b.textContent ?? '')) as HTMLButtonElement | undefined;

/** A real draw with the fixture's entry among 40, its record and the entry's inclusion proof. */
function drawn(id = 'ent_7Qk2M9xZ') {
  const list = Array.from({ length: 40 }, (_, i) => ({ entryId: i === 17 ? id : `ent_other${i}`, weight: 1 + (i % 3) }));
  const { record, entries } = runDraw({ dropId: 'drp_demo', secret: 'ab'.repeat(32), inventory: 5, backupCount: 3, entries: list });
  const c = entries;
  let index = 0;
  for (let i = 0; i < c.size; i++) if (inclusionProof(c, i).entryId === id) index = i;
  return { record, proof: { ...inclusionProof(c, index), root: record.root } };
}

describe('18.4 the PoW pool survives a worker that never loads', () => {
  it('a worker whose script fails (network cut while loading fair-drop.worker.js) ends in a retry, and the retry registers', async () => {
    const { el } = await mount('open', { receipt: states(Date.now()).registered.me.receipt });
    // The network is cut exactly when the worker script is fetched: the URL cannot load.
    el.workerFactory = () => new Worker('http://127.0.0.1:9/fair-drop.worker.js', { type: 'module' });
    button(el, /Enter the draw/)!.click();
    await waitFor(() => el.view === 'open' && !!el.shadowRoot!.querySelector('.error'), 15000);
    expect(text(el, '.error')).to.match(/security check couldn’t start/);
    expect(el.entering.error?.code).to.equal('pow_unavailable');
    // The network is back: the pool rebuilds its workers.
    el.workerFactory = newWorker;
    button(el, /Try again/)!.click();
    await waitFor(() => el.view === 'registered', 15000);
  });
});

describe('18.5 / 18.6 / 18.14 copy that tells the truth, for any product', () => {
  it('uses neutral words by default and the merchant’s item name when given', async () => {
    const a = await mount('won');
    expect(text(a.el, '.card')).to.match(/One item is reserved for you/).and.not.match(/pair/);
    cleanup();
    const b = await mount('won', {}, { 'item-name': 'pair|pairs' });
    expect(text(b.el, '.card')).to.match(/One pair is reserved for you/);
    cleanup();
    const c = await mount('completed', {}, { 'item-name': 'pair|pairs' });
    expect(text(c.el, '.card')).to.match(/2 of 50 pairs sold; 48 went unclaimed/);
  });

  for (const lang of ['de', 'fr', 'es', 'ja']) {
    it(`${lang}: the won and bought views never name a sneaker word`, async () => {
      const { el } = await mount('purchased', {}, { lang });
      await waitFor(() => !/You’re all set/.test(text(el, 'h2')));
      expect(text(el, '.card')).to.not.match(/pair|Paar|paire|par de|足/i);
    });
  }

  it('an expired winner with no backups is told the item was released, not passed on', async () => {
    const ex = st('expired');
    const { el } = await mount('expired', { drop: { ...ex.drop, draw: { ...(ex.drop.draw as object), backups: 0 } } });
    expect(text(el, '.card')).to.match(/was released/).and.not.match(/next person/);
  });

  it('the entry id never wraps and the heading’s focus ring stands clear of the text', async () => {
    const { el } = await mount('registered');
    const code = el.shadowRoot!.querySelector('.receipt code')!;
    expect(getComputedStyle(code).whiteSpace).to.equal('nowrap');
    const h2 = el.shadowRoot!.querySelector<HTMLElement>('#title')!;
    h2.focus();
    expect(parseFloat(getComputedStyle(h2).outlineOffset)).to.be.at.least(4);
  });
});

describe('18.7 live odds, never after the draw', () => {
  it('the registered view follows the counts; the drawing and outcome views show no odds', async () => {
    const { el } = await mount('registered');
    const before = text(el, '.odds');
    expect(before).to.match(/chance to win/);
    const d = st('registered').drop;
    FakeEventSource.last.emit('drop', { type: 'drop', serverTime: '', drop: { ...d, version: 8, counts: { entries: 9000, tickets: 12000 } } });
    await el.updateComplete;
    expect(text(el, '.odds')).to.match(/chance to win/).and.not.equal(before);
    for (const st of ['drawing', 'lost', 'backup', 'won']) {
      cleanup();
      const m = await mount(st);
      expect(text(m.el, '.card'), st).to.not.match(/chance to win/);
    }
  });
});

describe('18.8 a wrong key or a refused origin is the store’s setup, said so', () => {
  for (const code of ['unauthorized', 'origin_not_allowed']) {
    it(`${code}: tells the shopper the store’s setup is wrong and logs the API’s detail`, async () => {
      const logged: string[] = [];
      const orig = console.error;
      console.error = (...a: unknown[]) => { logged.push(a.join(' ')); };
      try {
        const { el } = await mount('unavailable', { error: { status: code === 'unauthorized' ? 401 : 403, code, title: 'refused', detail: 'The publishable key pk_x is unknown.' } });
        expect(text(el, '.card')).to.match(/setup/).and.not.match(/on our side/);
        expect(logged.join('\n')).to.match(new RegExp(`${code}.*pk_x is unknown`));
      } finally { console.error = orig; }
    });
  }
});

describe('18.9 the draw can be checked from every view after it', () => {
  const views = ['won', 'promoted', 'purchased', 'backup', 'lost', 'expired', 'completed', 'missed-purchase'];
  for (const v of views) {
    it(`${v}: links the drop’s verification page${v.startsWith('missed') || v === 'completed' ? '' : ' and keeps the entry id'}`, async () => {
      const { el } = await mount(v);
      const a = el.shadowRoot!.querySelector<HTMLAnchorElement>('.verify a')!;
      // The page checks this entry's inclusion proof by itself when the link names it.
      expect(a.href).to.equal(`http://api.test/verify/drp_demo${st(v).me?.receipt ? '#entry=ent_7Qk2M9xZ' : ''}`);
      if (st(v).me?.receipt) expect(text(el, '.verify')).to.match(/ent_7Qk2M9xZ/);
      await expectAccessible(el);
    });
  }

  it('no verification link before the draw (it would be a 409)', async () => {
    for (const v of ['registered', 'drawing']) {
      const { el } = await mount(v);
      expect(el.shadowRoot!.querySelector('.verify'), v).to.equal(null);
      cleanup();
    }
  });

  it('"Check my entry" verifies the inclusion proof against the published record in the browser', async () => {
    const { record, proof } = drawn();
    const { el } = await mount('lost', { record, proof });
    button(el, /Check my entry/)!.click();
    await waitFor(() => /Checked in your browser/.test(text(el, '.verify')));
    expect(text(el, '.verify')).to.match(/one of the 40 entries/);
    cleanup();
    const bad = await mount('lost', { record, proof: { ...proof, weight: proof.weight + 1 } });
    button(bad.el, /Check my entry/)!.click();
    await waitFor(() => /does NOT match/.test(text(bad.el, '.verify')));
  });
});

describe('18.10 a token-only drop offers a way to sign in', () => {
  it('login-url becomes a "Sign in" link', async () => {
    const { el } = await mount('signin', {}, { 'login-url': 'https://shop.example/login' });
    const a = el.shadowRoot!.querySelector<HTMLAnchorElement>('.status a')!;
    expect(a.href).to.equal('https://shop.example/login');
    expect(a.textContent).to.equal('Sign in');
    await expectAccessible(el);
  });
});

describe('18.11 ticket copy without repeats, free tickets said right, plurals', () => {
  it('maxTickets 1: one line about the free entry, no bare "Tickets" label, no total', async () => {
    const { el } = await mount('open-one-ticket');
    const card = text(el, '.card');
    expect(card.match(/free/gi)?.length).to.equal(1);
    expect(card).to.match(/One free entry per person/);
    expect(el.shadowRoot!.querySelector('#tickets-label')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.total')).to.equal(null);
  });

  it('extra tickets without a price say they are free, never "would cost Free"', async () => {
    const { el } = await mount('open-no-price');
    expect(text(el, '.hint')).to.equal('Ticket 2 is free too.');
    expect(text(el, '.card')).to.not.match(/cost Free/);
  });

  it('one credit reads in the singular', async () => {
    const { el } = await mount('open', { me: { ...st('open').me, rolloverCredits: 1 } });
    expect(text(el, '.card')).to.match(/1 rollover credit adds a ticket/);
  });
});

describe('18.12 credits add chances', () => {
  it('the selector starts at 1 + credits (capped by maxTickets), enters with them, and the receipt shows the credit on top of the free entry', async () => {
    const r = { ...states(Date.now()).registered.me.receipt, tickets: 2, weight: 2, breakdown: { rollover: 1, free: 1, paid: 0, priceUnits: 0, amount: 0 } };
    const { el, calls } = await mount('open', { me: { ...st('open').me, rolloverCredits: 1 }, receipt: r });
    expect(text(el, 'output')).to.equal('2');
    button(el, /Enter the draw/)!.click();
    await waitFor(() => el.view === 'registered', 15000);
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/entries'))!.body.tickets).to.equal(2);
    expect(text(el, '.receipt')).to.match(/Rollover credits used\s*1 \(on top of the free entry\)/);
    cleanup();
    const capped = await mount('open', { me: { ...st('open').me, rolloverCredits: 9 } });
    expect(text(capped.el, 'output')).to.equal('5');
  });

  it('with maxTickets 1 a credit is kept for later and the shopper is told', async () => {
    const { el } = await mount('open-one-ticket', { me: { ...st('open').me, rolloverCredits: 1 } });
    expect(text(el, '.card')).to.match(/it stays saved for a later drop/);
  });
});

describe('18.13 one event stream per page load', () => {
  it('opens the stream once and never aborts it while loading', async () => {
    const { el } = await mount('open');
    await new Promise((r) => setTimeout(r, 200));
    expect(FakeEventSource.instances.length).to.equal(1);
    expect((FakeEventSource.instances[0] as unknown as { closed?: boolean }).closed).to.not.equal(true);
    expect(el.live.state).to.not.equal('idle');
  });
});
