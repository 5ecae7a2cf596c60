import { expect } from 'chai';
import { cleanup, expectAccessible, mount, text, waitFor } from './helpers.js';

afterEach(cleanup);

const EXPECT: [state: string, view: string, title: RegExp, more?: RegExp][] = [
  ['scheduled', 'scheduled', /^Opens /, /Registration opens in/],
  ['open', 'open', /Registration is open/, /Your first ticket is free/],
  ['open-credits', 'open', /Registration is open/, /2 rollover credits add tickets on top of your free one/],
  ['signin', 'signin', /Registration is open/, /Sign in to the store/],
  ['registered', 'registered', /You’re in!/, /ent_7Qk2M9xZ/],
  ['drawing', 'drawing', /drawing winners/, /ent_7Qk2M9xZ/],
  ['drawing-beacon', 'drawing', /drawing winners/, /Waiting for public randomness from drand \(round 1234567\)/],
  ['missed-closed', 'missed', /Registration has closed/, /Winners are being drawn now/],
  ['missed-purchase', 'missed', /Registration has closed/, /Winners are checking out now/],
  ['won', 'won', /You won!/, /Time left to buy/],
  ['promoted', 'promoted', /you’re up!/, /Buy now/],
  ['purchased', 'purchased', /You’re all set/],
  ['backup', 'backup', /waitlist/, /number 4 in line/],
  ['lost', 'lost', /Not this time/, /2 rollover credit/],
  ['expired', 'expired', /Time expired/, /passed to the next person/],
  ['completed', 'completed', /This drop has ended/, /2 of 50 items sold; 48 went unclaimed/],
  ['sold-out', 'completed', /Sold out/, /All 50 items found an owner/],
  ['cancelled', 'cancelled', /cancelled/, /nothing was charged/],
  ['unavailable', 'unavailable', /unavailable/, /couldn’t find this drop/],
];

describe('<fair-drop> renders every phase from a recorded state', () => {
  for (const [state, view, title, more] of EXPECT) {
    it(`${state} → ${view}, accessible`, async () => {
      const { el } = await mount(state);
      await waitFor(() => el.view === view);
      await el.updateComplete;
      expect(text(el, 'h2')).to.match(title);
      if (more) expect(text(el, '.card')).to.match(more);
      await expectAccessible(el);
    });
  }

  it('shows the loading view while the drop is on its way', async () => {
    const { el } = await mount('open', { hang: true });
    await el.updateComplete;
    expect(el.view).to.equal('loading');
    expect(text(el, 'h2')).to.match(/Loading/);
    await expectAccessible(el);
  });

  it('the ticket selector shows the quadratic price of each extra ticket', async () => {
    const { el } = await mount('open');
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="More tickets"]')!;
    expect(text(el, '.hint')).to.equal('Ticket 2 would cost €1.00.');
    more.click(); await el.updateComplete;
    expect(text(el, '.hint')).to.equal('Ticket 3 would cost €4.00.');
    expect(text(el, '.total')).to.match(/€1\.00/);
    more.click(); await el.updateComplete;
    expect(text(el, '.total')).to.match(/€5\.00/);
    more.click(); more.click(); await el.updateComplete;
    expect(text(el, 'output')).to.equal('5');
    expect(text(el, '.total')).to.match(/€30\.00/);
    expect(more.disabled).to.equal(true);
  });

  it('rollover credits add chances: the selector starts at 1 + credits, free; paid tickets cost what they would without credits', async () => {
    const { el } = await mount('open-credits');
    // 2 credits: the free entry plus two credit tickets, nothing to pay (the server's receipt agrees).
    expect(text(el, 'output')).to.equal('3');
    expect(text(el, '.total')).to.match(/Free/);
    expect(text(el, '.hint')).to.equal('Ticket 4 would cost €1.00.');
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="More tickets"]')!;
    more.click(); await el.updateComplete;
    // 4 tickets = free + 2 credits + 1 paid, priced as ticket 2 of the table: €1.00 (the server charges €1.00).
    expect(text(el, '.total')).to.match(/€1\.00/);
    more.click(); await el.updateComplete;
    expect(text(el, '.total')).to.match(/€5\.00/);
  });

  it('loads German copy on demand', async () => {
    const { el } = await mount('won', {}, { lang: 'de-DE' });
    await waitFor(() => text(el, 'h2') === 'Gewonnen!');
    expect(text(el, '.buy')).to.equal('Jetzt kaufen');
  });

  for (const lang of ['fr', 'es', 'ja']) {
    it(`loads ${lang} copy on demand`, async () => {
      const { el } = await mount('lost', {}, { lang });
      await waitFor(() => !/Not this time/.test(text(el, 'h2')) && text(el, 'h2') !== '');
      expect(text(el, 'h2')).to.not.equal('Not this time');
    });
  }

  it('links "Verify the draw" to the verify page of this drop, with the entry id', async () => {
    // Shown once there is a draw to check (before it, the record does not exist yet).
    const { el } = await mount('won');
    await waitFor(() => el.view === 'won');
    await el.updateComplete;
    const href = el.shadowRoot!.querySelector('.verify a.link')!.getAttribute('href')!;
    expect(href).to.match(/\/verify\/[^/#]+#entry=ent_7Qk2M9xZ$/);
  });
});
