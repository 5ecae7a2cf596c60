/**
 * The two stream handlers. Each one: authenticate, join the fan-out (holding live events),
 * read the initial state, then open the stream and send state + whatever arrived meanwhile.
 * Joining before reading is what makes the hand-over from snapshot to live gap-free.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Conn } from './conn.js';
import { parseActiveCursor, parseDropCursor } from './cursor.js';
import type { EntrySnapshot, SseDeps } from './deps.js';
import type { Fanout } from './fanout.js';
import { FairdropError } from '../../core/errors.js';
import { readDropId, readKey, readLastEventId, readOrigin, readShopper } from './request.js';

export interface StreamContext {
  deps: SseDeps;
  fanout: Fanout;
  retry: Uint8Array;
}

export async function dropStream(c: Context, { deps, fanout, retry }: StreamContext): Promise<Response> {
  const dropId = readDropId(c);
  const who = readShopper(c);
  const origin = readOrigin(c);
  const { merchantId } = await deps.authPublishable(readKey(c), origin);
  const conn = fanout.joinDrop(dropId, parseDropCursor(readLastEventId(c)));
  try {
    const found = await deps.getDrop(dropId);
    // Another merchant's drop is reported as unknown: keys never reveal other merchants' drops.
    if (!found || found.merchantId !== merchantId) throw new FairdropError('drop_not_found', `There is no drop "${dropId}" for this key. Check the drop id in the embed.`);
    let entry: EntrySnapshot | null = null;
    const shopper = who ? await deps.shopperEntry(dropId, merchantId, who) : null;
    if (shopper) {
      fanout.watchEntry(conn, shopper.entryId);
      entry = await shopper.state();
    }
    return open(c, fanout, conn, retry, (out) => fanout.openDrop(conn, out, found.drop, entry));
  } catch (e) {
    fanout.leave(conn);
    throw e;
  }
}

export async function activeStream(c: Context, { deps, fanout, retry }: StreamContext): Promise<Response> {
  const origin = readOrigin(c);
  const { merchantId } = await deps.authPublishable(readKey(c), origin);
  const conn = fanout.joinActive(merchantId, parseActiveCursor(readLastEventId(c)));
  try {
    const drops = await deps.activeDrops(merchantId);
    return open(c, fanout, conn, retry, (out) => fanout.openActive(conn, out, drops));
  } catch (e) {
    fanout.leave(conn);
    throw e;
  }
}

function open(c: Context, fanout: Fanout, conn: Conn, retry: Uint8Array, start: (out: SSEStreamingApi) => void): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
    void stream.write(retry);
    start(stream);
    await closed;
    fanout.leave(conn);
  });
}
