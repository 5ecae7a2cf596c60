/**
 * A server-sent events parser (WHATWG HTML §9.2.6) over a byte stream, for runtimes without
 * EventSource (Node) or when headers must be sent (EventSource cannot set them).
 */
export interface SseMessage {
  event: string;
  data: string;
  /** The event's `id:` field; undefined when the event had none. */
  id: string | undefined;
  /** A `retry:` value in ms, when the stream sent one. */
  retry?: number | undefined;
}

/** Parses chunks of an event stream into messages; `retry`-only blocks yield an empty event. */
export async function* parseSse(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buf = '';
  let ev = fresh();
  for await (const chunk of chunks) {
    buf += decoder.decode(chunk, { stream: true });
    let m: RegExpExecArray | null;
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    while ((m = eol.exec(buf))) {
      // A lone \r at the end may be the first half of \r\n: wait for more bytes.
      if (m[0] === '\r' && m.index === buf.length - 1) break;
      const line = buf.slice(start, m.index);
      start = m.index + m[0].length;
      if (line === '') {
        if (ev.data.length || ev.retry !== undefined) yield { event: ev.event || 'message', data: ev.data.join('\n'), id: ev.id, retry: ev.retry };
        ev = fresh();
        continue;
      }
      field(ev, line);
    }
    buf = buf.slice(start);
  }
}

interface Pending { event: string; data: string[]; id: string | undefined; retry: number | undefined }
const fresh = (): Pending => ({ event: '', data: [], id: undefined, retry: undefined });

function field(ev: Pending, line: string): void {
  if (line.startsWith(':')) return; // comment
  const colon = line.indexOf(':');
  const name = colon < 0 ? line : line.slice(0, colon);
  let value = colon < 0 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (name === 'event') ev.event = value;
  else if (name === 'data') ev.data.push(value);
  else if (name === 'id' && !value.includes('\0')) ev.id = value;
  else if (name === 'retry' && /^\d+$/.test(value)) ev.retry = Number(value);
}
