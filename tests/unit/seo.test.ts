import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstParagraph, firstSentence } from '../../src/lib/seo.ts';

/** Every section file under a content folder. */
function sectionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sectionFiles(path);
    return /\/articles\/[^/]+\/[^/]+\.mdx?$/.test(path) ? [path] : [];
  });
}

const body = (file: string) => readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');

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

  const files = [...sectionFiles('content'), ...sectionFiles('tests/fixtures/two-articles'), ...sectionFiles('tests/fixtures/publication')];
  it.each(files)('%s: the description is a whole first sentence of its first paragraph', (file) => {
    const paragraph = firstParagraph(body(file)).replace(/\s+/g, ' ');
    const sentence = firstSentence(paragraph);
    expect(paragraph.startsWith(sentence)).toBe(true);
    // A whole sentence: it ends with sentence punctuation (and any closing quote), and is followed
    // by the next sentence or nothing.
    expect(sentence).toMatch(/[.?!][”’"]?$/);
    expect(paragraph.slice(sentence.length)).toMatch(/^(\s|$)/);
    expect(sentence.length).toBeGreaterThan(20);
  });
});
