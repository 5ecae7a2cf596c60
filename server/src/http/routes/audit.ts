/** Public audit routes (no key): the draw record, the entry snapshot (NDJSON), inclusion proofs. */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { createProver, entryAt, type CanonicalEntries } from '@fairdrop/sdk/draw';
import { FairdropError } from '../../core/errors.js';
import { pathId } from '../schemas.js';
import type { ApiDeps } from '../context.js';

/** Binary search in canonical (bytewise ascending) order: O(log N), no per-drop index to build or hold. */
export function indexOf(entries: CanonicalEntries, entryId: string): number {
  const want = Buffer.from(entryId, 'latin1');
  const ids = Buffer.from(entries.idBytes.buffer, entries.idBytes.byteOffset, entries.idBytes.byteLength);
  let lo = 0; let hi = entries.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = Buffer.compare(ids.subarray(entries.idOffsets[mid]!, entries.idOffsets[mid + 1]!), want);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

export function auditRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const { services } = deps;
  // A prover lives as long as its snapshot stays cached (the snapshot cache bounds both).
  const provers = new WeakMap<CanonicalEntries, ReturnType<typeof createProver>>();

  async function drawn(dropIdRaw: string) {
    const dropId = pathId('dropId', dropIdRaw);
    const info = await services.drop(dropId);
    if (!info) throw new FairdropError('drop_not_found', `There is no drop "${dropId}".`);
    const rec = info.drop.draw ? await services.record(dropId) : null;
    if (!rec && info.drop.phase === 'cancelled') throw new FairdropError('not_drawn', 'This drop was cancelled before its draw: no draw ran and none will.', { phase: 'cancelled' });
    if (!rec) throw new FairdropError('not_drawn', 'The draw has not run yet. The record, snapshot and proofs appear when it has.', { phase: info.drop.phase });
    return { info, rec };
  }

  app.get('/drops/:dropId/record', async (c) => c.json((await drawn(c.req.param('dropId'))).rec.record));

  app.get('/drops/:dropId/snapshot', async (c) => {
    const { info } = await drawn(c.req.param('dropId'));
    const entries = await services.snapshot(info.config.id, info.config);
    c.header('content-type', 'application/x-ndjson');
    c.header('content-disposition', `attachment; filename="${info.config.id}-entries.ndjson"`);
    return stream(c, async (s) => {
      const CHUNK = 4096;
      for (let i = 0; i < entries.size; i += CHUNK) {
        let text = '';
        for (let j = i; j < Math.min(entries.size, i + CHUNK); j++) text += JSON.stringify(entryAt(entries, j)) + '\n';
        await s.write(text);
      }
    });
  });

  app.get('/drops/:dropId/proof/:entryId', async (c) => {
    const entryId = pathId('entryId', c.req.param('entryId')); // every path parameter is checked before any lookup
    const { info, rec } = await drawn(c.req.param('dropId'));
    const entries = await services.snapshot(info.config.id, info.config);
    let prover = provers.get(entries);
    if (!prover) { prover = createProver(entries); provers.set(entries, prover); }
    const i = indexOf(entries, entryId);
    if (i < 0) throw new FairdropError('not_found', `No entry "${entryId}" in this draw.`);
    const proof = prover.proof(i);
    return c.json({ ...proof, root: rec.record.root });
  });

  return app;
}
