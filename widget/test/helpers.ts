import 'axe-core/axe.min.js';
import { expect } from 'chai';
import '../src/define.js';
import type { FairDrop } from '../src/fair-drop.js';
import { fakeFetch, FakeEventSource } from './fixtures/fake-network.js';
import { states } from './fixtures/states.js';

declare const axe: { run: (ctx: Element, opts?: object) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };

export const newWorker = () => new Worker(new URL('../src/pow/pow.worker.ts', import.meta.url), { type: 'module' });

export async function waitFor(fn: () => unknown, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!fn()) {
    if (performance.now() > end) throw new Error('timed out waiting for ' + fn.toString());
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Mounted { el: FairDrop; calls: ReturnType<typeof fakeFetch>['calls']; state: Record<string, unknown> }

/** Mount `<fair-drop>` on a recorded state, with a fake network; waits for the first real view. */
export async function mount(name: string, extra: Record<string, unknown> = {}, attrs: Record<string, string> = {}): Promise<Mounted> {
  const state = { ...(states(Date.now()) as Record<string, Record<string, unknown>>)[name], ...extra };
  const { fetchImpl, calls, net } = fakeFetch(state);
  const el = document.createElement('fair-drop');
  el.fetchImpl = fetchImpl;
  el.eventSourceImpl = FakeEventSource as unknown as typeof EventSource;
  el.workerFactory = newWorker;
  el.poolSize = 2;
  const all = { drop: 'drp_demo', 'publishable-key': 'pk_test', api: 'http://api.test', lang: 'en', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  if (!state.hang) await waitFor(() => el.view !== 'loading' && net.pending === 0);
  await el.updateComplete;
  return { el, calls, state };
}

export const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export async function expectAccessible(el: Element): Promise<void> {
  const { violations } = await axe.run(el, { resultTypes: ['violations'] });
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).to.deep.equal([]);
}

export function cleanup(): void {
  document.querySelectorAll('fair-drop').forEach((e) => e.remove());
  FakeEventSource.instances.length = 0;
}
