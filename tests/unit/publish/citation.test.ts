import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago, nameParts, type CitationInput } from '../../../src/lib/publish/citation.ts';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';

const article: CitationInput = {
  author: 'Phillip Orchard',
  title: 'South Korea Prepares for a Future Without the US',
  publisher: 'Geopolitical Futures',
  published: parsePreciseDate('2018-10'),
  original: 'https://geopoliticalfutures.com/south-korea-prepares-future-without-us/',
};

describe('citing the original', () => {
  it('in APA, Chicago and BibTeX, with the date at the month the sources give', () => {
    expect(apa(article)).toBe('Orchard, P. (2018, October). South Korea Prepares for a Future Without the US. Geopolitical Futures. https://geopoliticalfutures.com/south-korea-prepares-future-without-us/');
    expect(chicago(article)).toBe('Orchard, Phillip. “South Korea Prepares for a Future Without the US.” Geopolitical Futures, October 2018. https://geopoliticalfutures.com/south-korea-prepares-future-without-us/.');
    expect(bibtex(article)).toBe(
      [
        '@online{orchard2018south,',
        '  author = {Orchard, Phillip},',
        '  title = {{South Korea Prepares for a Future Without the US}},',
        '  organization = {Geopolitical Futures},',
        '  date = {2018-10},',
        '  url = {https://geopoliticalfutures.com/south-korea-prepares-future-without-us/},',
        '}',
      ].join('\n'),
    );
  });

  it('keeps every precision: a year, a day, a range', () => {
    const at = (date: string) => ({ ...article, published: parsePreciseDate(date) });
    expect(apa(at('2018'))).toContain('(2018).');
    expect(chicago(at('2018'))).toContain('Geopolitical Futures, 2018.');
    expect(apa(at('2018-10-19'))).toContain('(2018, October 19).');
    expect(chicago(at('2018-10-19'))).toContain('Geopolitical Futures, October 19, 2018.');
    expect(apa(at('2018-09-18/2018-09-20'))).toContain('(2018, September 18–20).');
    expect(bibtex(at('2018-10-19'))).toContain('date = {2018-10-19},');
  });

  it('takes the family name from the name’s last word unless the author says otherwise', () => {
    expect(nameParts({ author: 'Phillip Orchard' })).toEqual({ family: 'Orchard', given: 'Phillip' });
    expect(nameParts({ author: 'Anna van der Berg', family: 'van der Berg' })).toEqual({ family: 'van der Berg', given: 'Anna' });
    expect(apa({ ...article, author: 'Jean-Paul Mary Ann Smith' })).toMatch(/^Smith, J\.-P\. M\. A\. \(/);
    expect(apa({ ...article, author: 'Plato' })).toMatch(/^Plato \(2018/);
  });

  it('escapes what BibTeX would read as commands', () => {
    expect(bibtex({ ...article, title: 'Costs & 50% of #1_{x}' })).toContain('title = {{Costs \\& 50\\% of \\#1\\_\\{x\\}}},');
  });
});
