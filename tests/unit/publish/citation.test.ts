import { parse as parseBib } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { apa, biblatex, bibtex, chicago, nameParts, type CitationInput } from '../../../src/lib/publish/citation.ts';
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
        '@misc{orchard2018south,',
        '  author = {Orchard, Phillip},',
        '  title = {{South Korea Prepares for a Future Without the US}},',
        '  howpublished = {Geopolitical Futures, \\url{https://geopoliticalfutures.com/south-korea-prepares-future-without-us/}},',
        '  year = {2018},',
        '  month = oct,',
        '  url = {https://geopoliticalfutures.com/south-korea-prepares-future-without-us/},',
        '}',
      ].join('\n'),
    );
    expect(biblatex(article)).toBe(
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

  it('gives classic BibTeX only the fields its styles know, as the parser Zotero’s Better BibTeX uses reads them', () => {
    const at = (date: string) => ({ ...article, published: parsePreciseDate(date) });
    for (const [date, month, note] of [['2018', undefined, undefined], ['2018-10', '10', undefined], ['2018-10-19', '10', 'Published October 19, 2018'], ['2018-09-18/2018-09-20', '9', 'Published September 18–20, 2018']] as const) {
      // Zotero's convention sentence-cases English titles on import; the words as written are checked here.
      const { entries, errors } = parseBib(bibtex(at(date)), { sentenceCase: false });
      expect(errors, date).toEqual([]);
      const [entry] = entries;
      expect(entry!.type).toBe('misc');
      expect(entry!.fields['author']).toEqual([{ lastName: 'Orchard', firstName: 'Phillip' }]);
      expect(entry!.fields['title']).toBe(article.title);
      expect(entry!.fields['year']).toBe('2018');
      expect(entry!.fields['month']).toBe(month);
      expect(entry!.fields['note']).toBe(note);
      expect(entry!.fields['url']).toBe(article.original);
      expect(entry!.fields['howpublished']).toContain('Geopolitical Futures');
      // No BibLaTeX-only field: a classic style would drop it silently.
      expect(Object.keys(entry!.fields).filter((f) => ['date', 'organization', 'urldate'].includes(f)), date).toEqual([]);
    }
    const { entries } = parseBib(biblatex(at('2018-09-18/2018-09-20')));
    expect(entries[0]!.type).toBe('online');
    expect(entries[0]!.fields['date']).toBe('2018-09-18/2018-09-20');
  });

  it('keeps every precision: a year, a day, a range', () => {
    const at = (date: string) => ({ ...article, published: parsePreciseDate(date) });
    expect(apa(at('2018'))).toContain('(2018).');
    expect(chicago(at('2018'))).toContain('Geopolitical Futures, 2018.');
    expect(apa(at('2018-10-19'))).toContain('(2018, October 19).');
    expect(chicago(at('2018-10-19'))).toContain('Geopolitical Futures, October 19, 2018.');
    expect(apa(at('2018-09-18/2018-09-20'))).toContain('(2018, September 18–20).');
    expect(biblatex(at('2018-10-19'))).toContain('date = {2018-10-19},');
    expect(bibtex(at('2018-10-19'))).toContain('note = {Published October 19, 2018},');
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
