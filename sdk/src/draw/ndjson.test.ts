import { describe, expect, it } from 'vitest';
import { DrawInputError } from './errors.js';
import { entriesFromNdjsonLines, ndjsonLines, parseEntryLine } from './ndjson.js';

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('NDJSON entries', () => {
  it('parses one entry per line, skips blank lines and ignores extra fields', async () => {
    const lines = ['{"entryId":"a","weight":2,"tickets":2}', '', '  {"entryId":"b","weight":1}  '];
    expect(await collect(entriesFromNdjsonLines(lines))).toEqual([{ entryId: 'a', weight: 2 }, { entryId: 'b', weight: 1 }]);
  });

  it('names the line of a bad entry', () => {
    expect(() => parseEntryLine('{"entryId":"a b","weight":1}', 7)).toThrow(/^line 7: entryId/);
    expect(() => parseEntryLine('{"entryId":"a",', 3)).toThrow(DrawInputError);
    expect(() => parseEntryLine('{"entryId":"a",', 3)).toThrow(/line 3: not valid JSON/);
  });

  it('splits byte chunks into lines across chunk boundaries', async () => {
    const bytes = new TextEncoder().encode('{"entryId":"a","weight":1}\n{"entryId":"b","weight":2}');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    }
    expect(await collect(entriesFromNdjsonLines(ndjsonLines(chunks())))).toHaveLength(2);
  });
});
