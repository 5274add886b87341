import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../../src/lib/publish/seo.ts';

// Every section of the real content and the fixture publication is proved on the built pages
// (tests/content/publication.test.ts, tests/browser/permalinks.test.ts).

describe('previews take whole sentences', () => {
  it('does not end a sentence at an abbreviation', () => {
    expect(firstSentence('U.S. and South Korean interests were never going to align. Though both…')).toBe(
      'U.S. and South Korean interests were never going to align.',
    );
    expect(firstSentence('Ultimately, if the U.S. were to deem it necessary, South Korea could do little. Seoul’s…')).toBe(
      'Ultimately, if the U.S. were to deem it necessary, South Korea could do little.',
    );
    expect(firstSentence('He said “no.” Then he left.')).toBe('He said “no.”');
    expect(firstSentence('Dr. Smith met Mr. Kim in Jan. 2018. Then…')).toBe('Dr. Smith met Mr. Kim in Jan. 2018.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
  });
});
