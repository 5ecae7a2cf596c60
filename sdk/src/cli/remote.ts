/**
 * `fairdrop-verify --api URL --drop ID`: the record and the entry snapshot straight from a
 * Fairdrop API (both are public), the snapshot streamed line by line.
 */
import { createPublicClient } from '../client/public.js';
import type { FairdropApiError } from '../client/errors.js';

export interface RemoteDraw {
  record: unknown;
  lines: AsyncIterable<string>;
}

/** Fetches the record; resolves to the draw or to a message saying why it is not available. */
export async function fetchDraw(api: string, dropId: string, fetchImpl?: (r: Request) => Promise<Response>): Promise<RemoteDraw | { error: string }> {
  let base: URL;
  try {
    base = new URL(api);
  } catch {
    return { error: `--api must be a URL such as http://127.0.0.1:3003, not "${api}"` };
  }
  const client = createPublicClient({ baseUrl: base.href, fetch: fetchImpl });
  const r = await client.record(dropId);
  if (r.error) return { error: describe(r.error, dropId) };
  return { record: r.data, lines: client.snapshotLines(dropId) };
}

function describe(e: FairdropApiError, dropId: string): string {
  if (e.code === 'not_drawn' && e.problem?.phase === 'cancelled') return `drop ${dropId} was cancelled before its draw: there is no draw to verify, and there never will be`;
  if (e.code === 'not_drawn') return `drop ${dropId} has not been drawn yet; try again after its registration closes`;
  if (e.code === 'drop_not_found' || e.code === 'not_found') return `no drop ${dropId} at this API`;
  return `${e.code}${e.status ? ` (HTTP ${e.status})` : ''}: ${e.message}`;
}
