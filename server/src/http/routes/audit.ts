/** Public audit routes (no key): the draw record, the entry snapshot (NDJSON), inclusion proofs. */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { createProver, entryAt, type CanonicalEntries } from '@fairdrop/sdk/draw';
import { FairdropError } from '../../core/errors.js';
import { id } from '../schemas.js';
import type { ApiDeps } from '../context.js';

export function auditRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const { services } = deps;
  const provers = new WeakMap<CanonicalEntries, { prover: ReturnType<typeof createProver>; index: Map<string, number> }>();

  async function drawn(dropIdRaw: string) {
    const dropId = id.parse(dropIdRaw);
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
    const { info, rec } = await drawn(c.req.param('dropId'));
    const entryId = id.parse(c.req.param('entryId'));
    const entries = await services.snapshot(info.config.id, info.config);
    let p = provers.get(entries);
    if (!p) {
      const index = new Map<string, number>();
      for (let i = 0; i < entries.size; i++) index.set(entryAt(entries, i).entryId, i);
      p = { prover: createProver(entries), index };
      provers.set(entries, p);
    }
    const i = p.index.get(entryId);
    if (i === undefined) throw new FairdropError('not_found', `No entry "${entryId}" in this draw.`);
    const proof = p.prover.proof(i);
    return c.json({ ...proof, root: rec.record.root });
  });

  return app;
}
