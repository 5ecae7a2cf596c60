import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDraw } from '@fairdrop/sdk/draw';
import { EXAMPLE, workedExample } from '../scripts/worked-example.js';

const page = readFileSync(new URL('../../docs/draw-spec.md', import.meta.url), 'utf8');

describe('docs/draw-spec.md worked example', () => {
  it('shows exactly what the implementation computes, line by line', () => {
    for (const line of workedExample()) expect(page).toContain(line);
  });

  it('needs no rejected reads, as the page says', () => {
    expect(runDraw(EXAMPLE).rejections).toBe(0);
  });
});
