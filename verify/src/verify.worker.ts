/**
 * The verification, off the page's main thread: downloads the record and the snapshot, recomputes
 * the draw with @fairdrop/sdk/draw (the same code the server draws with), and answers inclusion
 * questions from the entries it keeps. Nothing here trusts the server beyond the bytes it sent.
 */
import {
  KNOWN_CHAINS, chainFromInfo, chainOfSource, checksOf, createProver, entryAt, parseEntryLine,
  EntryCollector, verifyDrawSync, verifyInclusion, verifyRound, type CanonicalEntries, type DrandChain, type DrawRecord,
} from '@fairdrop/sdk/draw';
import type { FromWorker, ToWorker } from './protocol.js';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

let kept: { record: DrawRecord; entries: CanonicalEntries; index?: Map<string, number>; prover?: ReturnType<typeof createProver> } | null = null;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'verify') void verify(m.recordUrl, m.snapshotUrl, m.chainInfo).catch((err) => post({ type: 'error', stage: 'compute', message: String((err as Error).message ?? err) }));
  else if (m.type === 'proof') proof(m.entryId);
};

async function verify(recordUrl: string, snapshotUrl: string, chainInfo: unknown): Promise<void> {
  const started = performance.now();
  const chains: DrandChain[] = [...KNOWN_CHAINS];
  if (chainInfo !== undefined) chains.push(chainFromInfo(chainInfo));
  post({ type: 'progress', stage: 'record', done: 0, total: 1 });
  let record: DrawRecord;
  try {
    const res = await fetch(recordUrl, { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
    record = (await res.json()) as DrawRecord;
  } catch (err) {
    return post({ type: 'error', stage: 'record', message: (err as Error).message });
  }
  const total = Number.isSafeInteger(record.entryCount) ? record.entryCount : 0;
  let entries: CanonicalEntries;
  let parseMs = 0;
  // About a hundred progress steps, never more often than every line or less than every 25k.
  const every = Math.max(1, Math.min(25_000, Math.floor(total / 100)));
  try {
    const res = await fetch(snapshotUrl, { cache: 'no-store' });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    const collector = new EntryCollector();
    // Chunk by chunk, lines parsed synchronously: no per-line promise (a million of them cost seconds).
    const decoder = new TextDecoder();
    let pending = '';
    let n = 0;
    let nextReport = every;
    const take = (text: string, last: boolean) => {
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const e = parseEntryLine(text.slice(start, nl), ++n);
        if (e) collector.add(e);
        start = nl + 1;
      }
      pending = text.slice(start);
      if (last && pending !== '') {
        const e = parseEntryLine(pending, ++n);
        if (e) collector.add(e);
      }
    };
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(pending + decoder.decode(value, { stream: true }), false);
      if (n >= nextReport) {
        post({ type: 'progress', stage: 'snapshot', done: n, total });
        nextReport = n + every;
      }
    }
    take(pending + decoder.decode(), true);
    parseMs = performance.now() - started;
    entries = collector.finish();
  } catch (err) {
    return post({ type: 'error', stage: 'snapshot', message: (err as Error).message });
  }
  post({ type: 'progress', stage: 'compute', done: 0, total: 1 });
  // The BLS check alone, timed (the verifier repeats it as one of its checks).
  const chain = record.beaconSource ? chainOfSource(record.beaconSource, chains) : undefined;
  const blsStart = performance.now();
  if (chain && typeof record.beaconRound === 'number' && typeof record.beaconSignature === 'string') verifyRound(chain, record.beaconRound, record.beaconSignature);
  const blsMs = chain ? performance.now() - blsStart : 0;
  const computeStart = performance.now();
  const result = verifyDrawSync(record, entries, { chains });
  const computeMs = performance.now() - computeStart;
  kept = { record, entries };
  const c = result.recomputed;
  post({
    type: 'result', ok: result.ok, checks: checksOf(record, result), ms: performance.now() - started, blsMs, parseMs, computeMs,
    facts: {
      dropId: record.dropId, entryCount: c?.entryCount ?? entries.size, totalWeight: c?.totalWeight ?? entries.totalWeight,
      winners: record.winners?.length ?? 0, backups: record.backups?.length ?? 0, root: c?.root ?? '', commitment: record.commitment,
      ...(c ? { seed: c.seed } : {}), beaconSource: record.beaconSource ?? null,
      ...(typeof record.beaconRound === 'number' ? { beaconRound: record.beaconRound } : {}),
      ...(chain?.name ? { chainName: chain.name } : {}), ...(record.closesAt ? { closesAt: record.closesAt } : {}),
    },
  });
}

function proof(entryId: string): void {
  if (!kept) return;
  if (!kept.index) {
    kept.index = new Map();
    for (let i = 0; i < kept.entries.size; i++) kept.index.set(entryAt(kept.entries, i).entryId, i);
    kept.prover = createProver(kept.entries);
  }
  const i = kept.index.get(entryId);
  if (i === undefined) return post({ type: 'proof', entryId, found: false });
  const p = kept.prover!.proof(i);
  const w = kept.record.winners.indexOf(entryId);
  const b = kept.record.backups.indexOf(entryId);
  post({
    type: 'proof', entryId, found: true, index: p.index, size: p.size, weight: p.weight, pathLength: p.path.length,
    // Checked against the root the record publishes, not the one recomputed here.
    valid: verifyInclusion(p, kept.record.root, kept.record.entryCount),
    outcome: w >= 0 ? 'winner' : b >= 0 ? 'backup' : 'not_selected', ...(w >= 0 ? { position: w + 1 } : b >= 0 ? { position: b + 1 } : {}),
  });
}

