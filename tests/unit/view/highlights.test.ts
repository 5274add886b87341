import { describe, expect, it } from 'vitest';
import { mayHoldArticle, storageKey } from '../../../src/lib/view/highlights-key.ts';
import { byArticle, highlightsJson, highlightsMarkdown, mergeHighlights, parseHighlights, type Highlight } from '../../../src/lib/view/highlights.ts';

const one: Highlight = {
  id: 'h1',
  article: '/ledger/',
  title: 'The Harbour Ledger',
  citation: 'Author, A. (2018, October). The Harbour Ledger. Harbour Press. https://example.com/ledger',
  section: 'opening',
  quote: { exact: 'the toll rose', prefix: 'In March ', suffix: ' again.' },
  note: 'Check the date.',
  created: '2026-12-06T06:00:00.000Z',
};
const two: Highlight = { ...one, id: 'h2', article: '/field-notes/', title: 'Field Notes', citation: 'Writer, B. (2019). Field Notes. Press.', section: 'in-detail', quote: { exact: 'line one\nline two', prefix: '', suffix: '' }, note: '' };

describe('highlights kept and taken away', () => {
  it('round-trips through its own file, keeping nothing but a highlight’s fields', () => {
    expect(parseHighlights(highlightsJson([one, two]))).toEqual({ highlights: [one, two] });
    const extra = JSON.stringify({ format: 'long-reads-highlights', version: 1, highlights: [{ ...one, script: '<img src=x onerror=alert(1)>' }] });
    expect(parseHighlights(extra)).toEqual({ highlights: [one] });
  });

  it('refuses, with a reason and all or nothing, what is not a highlights file', () => {
    const refused = (text: string) => ('error' in parseHighlights(text) ? (parseHighlights(text) as { error: string }).error : 'accepted');
    expect(refused('<html><script>alert(1)</script>')).toMatch(/not JSON.*Nothing was imported/);
    expect(refused('{"highlights": []}')).toMatch(/not a highlights file/);
    expect(refused('[]')).toMatch(/not a highlights file/);
    expect(refused(JSON.stringify({ format: 'long-reads-highlights', highlights: [one, { ...one, id: 'h3', quote: { exact: '' } }] }))).toBe('Highlight 2 in this file has no quote. Nothing was imported.');
    expect(refused(JSON.stringify({ format: 'long-reads-highlights', highlights: [{ ...one, article: 'https://evil.example/' }] }))).toMatch(/no article path on this site/);
    expect(refused(JSON.stringify({ format: 'long-reads-highlights', highlights: [{ ...one, article: '//evil.example/' }] }))).toMatch(/no article path on this site/);
    expect(refused(JSON.stringify({ format: 'long-reads-highlights', highlights: [{ ...one, id: 'a b"><x' }] }))).toMatch(/has no id/);
    expect(refused(' '.repeat(10_000_000))).toMatch(/is 10000 KB: a highlights file is under 1 MB/);
  });

  it('merges an import without doubling what is already kept', () => {
    expect(mergeHighlights([one], [{ ...one, note: 'changed' }, two, two]).map((h) => [h.id, h.note])).toEqual([
      ['h1', 'Check the date.'],
      ['h2', ''],
    ]);
  });

  it('exports Markdown by article: its citation, each quote, its note and a link that lands on the words', () => {
    expect(byArticle([one, two, { ...one, id: 'h4' }]).map((g) => [g.article, g.highlights.length])).toEqual([
      ['/ledger/', 2],
      ['/field-notes/', 1],
    ]);
    expect(highlightsMarkdown([one, two], 'https://example.org')).toBe(
      [
        '## The Harbour Ledger',
        '',
        one.citation,
        '',
        '> the toll rose',
        '',
        'Note: Check the date.',
        '',
        '[Link to the quote](https://example.org/ledger/#opening:~:text=In%20March-,the%20toll%20rose,-again.)',
        '',
        '## Field Notes',
        '',
        two.citation,
        '',
        '> line one\n> line two',
        '',
        '[Link to the quote](https://example.org/field-notes/#in-detail:~:text=line%20one%20line%20two)',
        '',
      ].join('\n'),
    );
  });

  it('keeps two publications on one origin apart', () => {
    expect(storageKey('/')).not.toBe(storageKey('/reader/'));
  });
});

describe('the look a page takes at load', () => {
  it('finds an article’s highlights in what the device keeps, and no other article’s', () => {
    const kept = highlightsJson([one], true);
    expect(mayHoldArticle(kept, '/ledger/')).toBe(true);
    expect(mayHoldArticle(kept, '/field-notes/')).toBe(false);
    expect(mayHoldArticle(null, '/ledger/')).toBe(false);
  });
});
