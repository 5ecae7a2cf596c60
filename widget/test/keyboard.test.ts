import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { receipt } from './fixtures/states.js';
import { cleanup, expectAccessible, mount, waitFor } from './helpers.js';

afterEach(cleanup);

async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('keyboard', () => {
  it('Tab reaches the stepper and the enter button; Enter/Space operate them; focus lands on the result', async () => {
    const { el } = await mount('open', { receipt: receipt(Date.now()), difficulty: 8 });
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    // "Fewer" is disabled at one ticket, so the first stop is "More".
    expect(active(el)?.getAttribute('aria-label')).to.equal('More tickets');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.tickets).to.equal(3);
    await shiftTab();
    expect(active(el)?.getAttribute('aria-label')).to.equal('Fewer tickets');
    await sendKeys({ press: 'Enter' });
    expect(el.tickets).to.equal(2);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Enter the draw');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.view === 'registered', 10000);
    await el.updateComplete;
    // The button disappeared; focus moves to the new heading instead of being lost.
    expect(active(el)?.id).to.equal('title');
    before.remove();
  });

  it('the buy button is reachable and shows a visible focus ring', async () => {
    const { el } = await mount('won');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.buy')!.focus();
    await shiftTab();
    await sendKeys({ press: 'Tab' });
    const buy = active(el)!;
    expect(buy.classList.contains('buy')).to.equal(true);
    expect(getComputedStyle(buy).outlineStyle).to.equal('solid');
    await expectAccessible(el);
  });
});
