/** The NDJSON entry snapshot, read as a stream so large drops never sit in memory as text. */
import { entriesFromNdjsonLines, ndjsonLines } from '../draw/ndjson.js';
import type { Entry } from '../draw/entries.js';
import { FairdropApiError } from './errors.js';
import { settle, type HttpClient } from './http.js';

/** Chunks of a ReadableStream (browsers lack async iteration of streams in places). */
export async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function* snapshotLines(http: HttpClient, dropId: string): AsyncGenerator<string> {
  const r = await settle(http.GET('/v1/public/drops/{dropId}/snapshot', { params: { path: { dropId } }, parseAs: 'stream' }));
  if (r.error) throw r.error;
  const body = r.data as unknown as ReadableStream<Uint8Array> | null;
  if (!body) throw new FairdropApiError({ code: 'internal_error', status: r.response.status, detail: 'The snapshot response had no body.' });
  yield* ndjsonLines(chunksOf(body));
}

export function snapshotEntries(http: HttpClient, dropId: string): AsyncGenerator<Entry> {
  return entriesFromNdjsonLines(snapshotLines(http, dropId));
}
