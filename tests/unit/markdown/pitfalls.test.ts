import { describe, expect, it } from 'vitest';
import { mdxPitfalls } from '../../../src/lib/markdown/pitfalls.ts';

describe('MDX pitfalls in prose', () => {
  it('finds a raw brace or tag start with its line, column and the fix', () => {
    expect(mdxPitfalls('Fine line.\nCosts {rose} a lot.')).toEqual([
      { line: 2, column: 7, character: '{', fix: expect.stringMatching(/^write \\\{ to show a brace/) },
      { line: 2, column: 12, character: '}', fix: expect.stringMatching(/^write \\\} to show a brace/) },
    ]);
    expect(mdxPitfalls('a <b tag')).toEqual([{ line: 1, column: 3, character: '<', fix: expect.stringMatching(/^write \\</) }]);
  });

  it('leaves escaped characters, code, components, comparisons and autolinks alone', () => {
    expect(mdxPitfalls('Escaped \\{ and \\<b.\n`{code}` here\n<Figure name="x" />\nIf a < 5 or b <= 3.\nSee <https://example.org/>.')).toEqual([]);
    expect(mdxPitfalls('```\n{fenced}\n```')).toEqual([]);
  });

});
