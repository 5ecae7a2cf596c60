/**
 * Reading a stream request. EventSource cannot set headers, so every credential may come
 * as a query parameter too; a header wins, because a browser that reconnects sends the
 * newer Last-Event-ID as a header while the URL still carries the older one.
 */
import type { Context } from 'hono';
import { FairdropError } from '../../core/errors.js';

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const maxParam = 4096;

function read(c: Context, header: string, query: string): string | undefined {
  const value = c.req.header(header) ?? c.req.query(query);
  if (value === undefined || value === '') return undefined;
  if (value.length > maxParam) throw new FairdropError('validation_failed', `${query} is longer than ${maxParam} characters.`);
  return value;
}

export const readKey = (c: Context) => read(c, 'Fairdrop-Key', 'key');
export const readOrigin = (c: Context) => c.req.header('Origin') || undefined;
export const readLastEventId = (c: Context) => read(c, 'Last-Event-ID', 'lastEventId');

export function readShopper(c: Context): { shopperToken?: string; anonymousId?: string } | null {
  const shopperToken = read(c, 'Fairdrop-Shopper', 'shopper');
  const anonymousId = read(c, 'Fairdrop-Anonymous-Id', 'anonymousId');
  if (!shopperToken && !anonymousId) return null;
  return { ...(shopperToken && { shopperToken }), ...(anonymousId && { anonymousId }) };
}

export function readDropId(c: Context): string {
  const dropId = c.req.param('dropId') ?? '';
  if (!idPattern.test(dropId)) throw new FairdropError('validation_failed', 'dropId must be 1–64 letters, digits, "_" or "-".');
  return dropId;
}
