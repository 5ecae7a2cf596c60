import { preview } from './bytes.js';
import { checkEntry, type Entry } from './entries.js';
import { DrawInputError } from './errors.js';

/**
 * Parses one NDJSON line of an entry snapshot: `{"entryId": "...", "weight": 12}`.
 * Blank lines give `null`. Extra fields (say, how the weight was computed) are ignored.
 * @throws DrawInputError invalid_ndjson | invalid_entry | invalid_entry_id | invalid_weight, naming the line
 */
export function parseEntryLine(line: string, lineNumber: number): Entry | null {
  const text = line.trim();
  if (text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DrawInputError('invalid_ndjson', `line ${lineNumber}: not valid JSON: ${preview(text)}`, { cause: e });
  }
  checkEntry(value, `line ${lineNumber}`);
  return { entryId: value.entryId, weight: value.weight };
}

/**
 * Entries from NDJSON lines (e.g. Node's readline), one at a time, so a million-entry
 * snapshot never sits in memory as text.
 * @example for await (const e of entriesFromNdjsonLines(readline.createInterface({ input }))) …
 */
export async function* entriesFromNdjsonLines(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Entry> {
  let n = 0;
  for await (const line of lines) {
    const entry = parseEntryLine(line, ++n);
    if (entry) yield entry;
  }
}

/**
 * Splits a byte or text stream (e.g. a `fetch` body in a browser) into lines.
 * @example entriesFromNdjsonLines(ndjsonLines(response.body))
 */
export async function* ndjsonLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // Linear in the chunk: scan from a moving start instead of re-slicing the remainder per line.
    let start = 0;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield pending.slice(start, nl);
      start = nl + 1;
      nl = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending !== '') yield pending;
}
