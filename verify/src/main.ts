/**
 * /verify/{dropId}: downloads the draw record and the entry snapshot from this origin, recomputes
 * the draw in a Web Worker and shows each check in plain words, with a tick or the exact
 * difference. Only this origin is contacted (the CSP says so too), and only for those two files.
 */
import './styles.css';
import type { CheckOutcome } from '@fairdrop/sdk/draw';
import type { DrawFacts, FromWorker } from './protocol.js';
import { LANGS, STRINGS, fill, pickLang, type Lang, type Strings } from './i18n.js';

type Progress = Extract<FromWorker, { type: 'progress' }>;
interface State {
  lang: Lang;
  progress: Progress;
  result?: Extract<FromWorker, { type: 'result' }>;
  error?: Extract<FromWorker, { type: 'error' }>;
  proof?: Extract<FromWorker, { type: 'proof' }>;
}

const dropId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const chainInfo = readChainInfo(location.hash);
const linkedEntry = new URLSearchParams(location.hash.slice(1)).get('entry')?.trim() || undefined;
const state: State = { lang: pickLang(location.search, navigator.languages ?? [navigator.language]), progress: { type: 'progress', stage: 'record', done: 0, total: 1 } };

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
};

// The skeleton, built once; update() fills in the words and values.
const app = document.getElementById('app')!;
const h1 = el('h1');
const langLabel = el('label', { for: 'lang' });
const langSelect = el('select', { id: 'lang' }, ...LANGS.map((l) => el('option', { value: l, lang: l }, STRINGS[l].langName)));
const intro = el('p', { class: 'intro' });
const offline = el('p', { class: 'note' });
const custom = el('p', { class: 'warn', hidden: '' });
const dropLine = el('p', { class: 'drop' });
const progressLabel = el('p', { id: 'progress-label', class: 'stage', role: 'status', 'aria-live': 'polite' });
const progress = el('progress', { max: '100', value: '0', 'aria-labelledby': 'progress-label' });
const verdict = el('p', { class: 'verdict', role: 'alert', hidden: '' });
const checksTitle = el('h2');
const checks = el('ol', { class: 'checks' });
const entryTitle = el('h2');
const entryLabel = el('label', { for: 'entry-id' });
const entryInput = el('input', { id: 'entry-id', name: 'entry-id', autocomplete: 'off', spellcheck: 'false', maxlength: '64', pattern: '[A-Za-z0-9_\\-]{1,64}', required: '' });
const entryButton = el('button', { type: 'submit' });
const entryOut = el('p', { class: 'proof', role: 'status', 'aria-live': 'polite' });
const form = el('form', { class: 'entry' }, entryLabel, el('div', { class: 'row' }, entryInput, entryButton));
const howTitle = el('h2');
const howText = el('p');
if (linkedEntry) entryInput.value = linkedEntry;
app.replaceChildren(
  el('header', {}, h1, el('div', { class: 'lang' }, langLabel, langSelect)),
  el('section', { 'aria-labelledby': 'progress-label' }, intro, offline, custom, dropLine, progressLabel, progress, verdict),
  el('section', {}, checksTitle, checks),
  el('section', {}, entryTitle, form, entryOut),
  el('section', {}, howTitle, howText),
);

const worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'progress') state.progress = m;
  else if (m.type === 'result') {
    state.result = m;
    // The widget's "Verify the draw" link names the shopper's entry: check it straight away.
    if (linkedEntry) worker.postMessage({ type: 'proof', entryId: linkedEntry });
  }
  else if (m.type === 'error') state.error = m;
  else state.proof = m;
  update();
};
const api = (path: string) => new URL(`/v1/public/drops/${encodeURIComponent(dropId)}/${path}`, location.origin).href;
worker.postMessage({ type: 'verify', recordUrl: api('record'), snapshotUrl: api('snapshot'), ...(chainInfo !== undefined ? { chainInfo } : {}) });

langSelect.addEventListener('change', () => { state.lang = langSelect.value as Lang; update(); });
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const id = entryInput.value.trim();
  if (state.result && id) worker.postMessage({ type: 'proof', entryId: id });
});
update();

function update(): void {
  const t = STRINGS[state.lang];
  document.documentElement.lang = state.lang;
  document.title = `${t.title} — Fairdrop`;
  langSelect.value = state.lang;
  h1.textContent = t.title;
  langLabel.textContent = t.language;
  intro.textContent = t.intro;
  offline.textContent = t.offline;
  custom.hidden = chainInfo === undefined;
  custom.textContent = t.customChain;
  dropLine.textContent = fill(t.drop, { id: dropId });
  checksTitle.textContent = t.checks;
  entryTitle.textContent = t.entryTitle;
  entryLabel.textContent = t.entryLabel;
  entryButton.textContent = t.entryButton;
  entryButton.disabled = !state.result;
  howTitle.textContent = t.how;
  howText.textContent = t.howText;
  updateProgress(t);
  renderChecks(t);
  entryOut.textContent = state.result ? proofText(t) : t.entryWait;
  const done = state.result ? 'done' : state.error ? 'error' : 'running';
  document.documentElement.dataset.state = done;
  // For benchmarks and tests: how long the verification took, and the BLS check alone (ms).
  if (state.result) Object.assign(document.documentElement.dataset, { ms: state.result.ms.toFixed(1), blsMs: state.result.blsMs.toFixed(1), parseMs: state.result.parseMs.toFixed(1), computeMs: state.result.computeMs.toFixed(1) });
  app.setAttribute('aria-busy', String(done === 'running'));
}

function updateProgress(t: Strings): void {
  const p = state.progress;
  const n = (v: number) => v.toLocaleString(state.lang);
  if (state.error) {
    const key = state.error.stage === 'record' ? 'errRecord' : state.error.stage === 'snapshot' ? 'errSnapshot' : 'errCompute';
    progressLabel.textContent = fill(t[key], { m: state.error.message });
    progress.hidden = true;
    return;
  }
  if (state.result) {
    progressLabel.textContent = fill(t.doneIn, { s: (state.result.ms / 1000).toFixed(2) });
    progress.value = 100;
  } else if (p.stage === 'record') {
    progressLabel.textContent = t.record;
    progress.value = 2;
  } else if (p.stage === 'snapshot') {
    progressLabel.textContent = fill(t.snapshot, { done: n(p.done), total: n(p.total) });
    progress.value = 2 + Math.round(78 * Math.min(1, p.total ? p.done / p.total : 0));
  } else {
    progressLabel.textContent = t.compute;
    progress.value = 85;
  }
  verdict.hidden = !state.result;
  if (state.result) {
    verdict.textContent = state.result.ok ? t.verdictOk : t.verdictFail;
    verdict.className = `verdict ${state.result.ok ? 'ok' : 'bad'}`;
  }
}

function checkTitle(t: Strings, c: CheckOutcome, f: DrawFacts): string {
  const v = { n: f.entryCount.toLocaleString(state.lang), round: f.beaconRound ?? '?', chain: f.chainName ?? f.beaconSource ?? '', closesAt: f.closesAt ? new Date(f.closesAt).toLocaleString(state.lang, { timeZone: 'UTC', timeZoneName: 'short' }) : '?' };
  if (c.id === 'beacon_source' && !f.beaconSource) return t.c_beacon_source_none;
  if (c.id === 'winners') return fill(t.c_winners, { n: f.winners });
  if (c.id === 'backups') return fill(t.c_backups, { n: f.backups });
  return fill(t[`c_${c.id}`], v);
}

function renderChecks(t: Strings): void {
  const r = state.result;
  if (!r) return void checks.replaceChildren();
  checks.replaceChildren(...r.checks.map((c) => {
    const mark = c.status === 'passed' ? '✓' : c.status === 'failed' ? '✗' : '–';
    const li = el('li', { class: c.status, 'data-check': c.id },
      el('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
      el('span', { class: 'text' }, el('span', { class: 'visually-hidden' }, `${t[c.status]}: `), checkTitle(t, c, r.facts)));
    for (const p of c.problems) {
      const diff = p.recorded !== undefined && p.recomputed !== undefined
        ? el('dl', {}, el('dt', {}, t.recorded), el('dd', {}, el('code', {}, p.recorded || '—')), el('dt', {}, t.recomputed), el('dd', {}, el('code', {}, p.recomputed || '—')))
        : null;
      li.append(el('div', { class: 'problem' }, el('p', {}, el('code', {}, p.code), ' ', p.message), ...(diff ? [diff] : [])));
    }
    return li;
  }));
}

function proofText(t: Strings): string {
  const p = state.proof;
  if (!p) return '';
  if (!p.found) return fill(t.entryMissing, { id: p.entryId });
  if (!p.valid) return t.entryBadProof;
  const found = fill(t.entryFound, { i: (p.index + 1).toLocaleString(state.lang), n: p.size.toLocaleString(state.lang), w: p.weight, k: p.pathLength });
  const outcome = p.outcome === 'winner' ? fill(t.entryWinner, { p: p.position! }) : p.outcome === 'backup' ? fill(t.entryBackup, { p: p.position! }) : t.entryLost;
  return `${found} ${outcome}`;
}

/** `#beacon-key=<base64url of drand chain info JSON>`: an explicit extra chain, like the CLI's --beacon-key. */
function readChainInfo(hash: string): unknown {
  const v = new URLSearchParams(hash.slice(1)).get('beacon-key');
  if (!v) return undefined;
  try {
    return JSON.parse(atob(v.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return undefined;
  }
}
