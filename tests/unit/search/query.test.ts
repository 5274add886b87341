import { describe, expect, it } from 'vitest';
import { countLabel, excerptSegments, moreLabel, RESULTS_PAGE, matchRanges, queryTerms, searchedText, sectionFragment, withHighlight } from '../../../src/lib/search/query.ts';

describe('search helpers', () => {
  it('keeps only <mark> from an excerpt, everything else as text', () => {
    expect(excerptSegments('the <mark>OPCON</mark> transfer &amp; more')).toEqual([
      { text: 'the ', marked: false },
      { text: 'OPCON', marked: true },
      { text: ' transfer & more', marked: false },
    ]);
    const hostile = excerptSegments('<img src=x onerror=alert(1)><mark>x</mark>&lt;script&gt;alert(1)&lt;/script&gt;<b>bold</b>');
    expect(hostile).toEqual([
      { text: 'x', marked: true },
      { text: '<script>alert(1)</script>bold', marked: false },
    ]);
    expect(excerptSegments('&#8217; &#x2013; &bogus;')).toEqual([{ text: '’ – &bogus;', marked: false }]);
  });

  it('links a sub-result to the section that holds its first match', () => {
    const anchors = [
      { element: 'section', id: 'opening', location: 0 },
      { element: 'p', id: 'opening-p1', location: 0 },
      { element: 'section', id: 'second', location: 200 },
      { element: 'h2', id: 'second-title', location: 200 },
    ];
    expect(sectionFragment([150, 300], anchors)).toBe('opening');
    expect(sectionFragment([201], anchors)).toBe('second');
    expect(sectionFragment([5], [])).toBeUndefined();
  });

  it('adds the highlight terms before the fragment, encoded', () => {
    expect(withHighlight('/a/#opening', ' OPCON ')).toBe('/a/?highlight=OPCON#opening');
    expect(withHighlight('/a/', 'no-fly zone')).toBe('/a/?highlight=no-fly+zone');
    expect(withHighlight('/a/?x=1#f', '<script>')).toBe('/a/?x=1&highlight=%3Cscript%3E#f');
    expect(withHighlight('/a/', '   ')).toBe('/a/');
    expect(withHighlight('/a/#s', '"war ended" truce')).toBe('/a/?highlight=%22war+ended%22+truce#s');
  });

  it('finds term ranges case-insensitively and merges overlaps', () => {
    expect(matchRanges('OPCON and opcon', ['opcon'])).toEqual([[0, 5], [10, 15]]);
    expect(matchRanges('no-fly zone', ['no-fly', 'fly zone'])).toEqual([[0, 11]]);
    expect(matchRanges('a b', ['a'])).toEqual([]);
  });

  it('limits and splits the query; labels the count', () => {
    expect(queryTerms('  a   bb ')).toEqual(['a', 'bb']);
    expect(queryTerms('"war ended" armistice "')).toEqual(['war ended', 'armistice']);
    expect(queryTerms('"open')).toEqual(['open']);
    expect(queryTerms('x'.repeat(300))[0]).toHaveLength(100);
    expect(searchedText('  OPCON  ')).toBe('OPCON');
    expect(searchedText(' OPCON'.repeat(1_700))).toBe('OPCON'.concat(' OPCON'.repeat(16)).slice(0, 100));
    expect(countLabel(0, 'zzz')).toBe('No results for “zzz”');
    expect(countLabel(1, 'OPCON')).toBe('1 result for “OPCON”');
    expect(countLabel(4, 'OPCON')).toBe('4 results for “OPCON”');
  });

  it('offers the next page of results, never more than remain', () => {
    expect(RESULTS_PAGE).toBe(10);
    expect(moreLabel(10, 5234)).toBe('Show 10 more (10 of 5234 shown)');
    expect(moreLabel(20, 23)).toBe('Show 3 more (20 of 23 shown)');
  });
});
