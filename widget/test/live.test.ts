import { expect } from 'chai';
import { FakeEventSource } from './fixtures/fake-network.js';
import { states } from './fixtures/states.js';
import { cleanup, mount, text, waitFor } from './helpers.js';

afterEach(cleanup);

describe('live updates', () => {
  it('opens the drop stream with the key and the anonymous id', async () => {
    await mount('open');
    await waitFor(() => FakeEventSource.last);
    const url = new URL(FakeEventSource.last.url);
    expect(url.pathname).to.equal('/v1/public/drops/drp_demo/events');
    expect(url.searchParams.get('key')).to.equal('pk_test');
    expect(url.searchParams.get('anonymousId')).to.match(/^anon_[0-9a-f]{32}$/);
  });

  it('applies drop events, ignores stale versions, and follows entry events to the outcome', async () => {
    const { el } = await mount('registered');
    await waitFor(() => FakeEventSource.last);
    const es = FakeEventSource.last;
    es.open();
    const s = states(Date.now());
    es.emit('drop', { type: 'drop', serverTime: new Date().toISOString(), drop: s.drawing.drop });
    await waitFor(() => el.view === 'drawing');
    es.emit('drop', { type: 'drop', serverTime: '', drop: { ...s.open.drop, version: 1 } });
    await el.updateComplete;
    expect(el.view).to.equal('drawing');
    es.emit('entry', { type: 'entry', serverTime: '', entry: { entryId: 'ent_7Qk2M9xZ', status: 'backup', backupPosition: 2 } });
    await waitFor(() => el.view === 'backup');
    expect(text(el, '.status')).to.match(/number 2 in line/);
    es.emit('entry', { type: 'entry', serverTime: '', entry: { entryId: 'ent_7Qk2M9xZ', status: 'promoted', purchaseDeadline: new Date(Date.now() + 600e3).toISOString() } });
    await waitFor(() => el.view === 'promoted');
  });

  it('falls back to polling while the stream fails, and reconnects with backoff', async () => {
    const { el, calls } = await mount('open');
    await waitFor(() => FakeEventSource.last);
    const first = FakeEventSource.last;
    const polls = calls.filter((c) => /drops\/drp_demo$/.test(c.path)).length;
    first.fail(); first.fail(true);
    await waitFor(() => el.live.state === 'polling');
    await waitFor(() => calls.filter((c) => /drops\/drp_demo$/.test(c.path)).length > polls);
    await waitFor(() => FakeEventSource.instances.length > 1, 3000);
    FakeEventSource.last.open();
    expect(el.live.state).to.equal('live');
  });

  it('goes offline and back online', async () => {
    const { el } = await mount('open');
    await waitFor(() => FakeEventSource.last);
    const es = FakeEventSource.last;
    dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(el.live.state).to.equal('offline');
    expect(es.closed).to.equal(true);
    expect(text(el, 'footer')).to.match(/offline/);
    dispatchEvent(new Event('online'));
    await waitFor(() => FakeEventSource.instances.length > 1);
  });

  it('reopens the stream with the shopper token when el.shopperToken is set', async () => {
    const { el, calls } = await mount('signin');
    expect(el.view).to.equal('signin');
    el.shopperToken = 'jwt.shopper.token';
    await waitFor(() => FakeEventSource.last && new URL(FakeEventSource.last.url).searchParams.get('shopper') === 'jwt.shopper.token');
    await waitFor(() => calls.some((c) => (c.headers as Record<string, string>)['Fairdrop-Shopper'] === 'jwt.shopper.token'));
    await waitFor(() => el.view === 'open');
  });
});
