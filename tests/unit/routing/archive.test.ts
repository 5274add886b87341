import { describe, expect, it } from 'vitest';
import { buildCrossReference } from '../../../src/lib/content/cross-reference.ts';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import { KINDS } from '../../../src/lib/content/kinds.ts';
import { byYear, lastDayKey, pageNumbers, pageWindow, paged, relatedArticles, sinceArticle, SINCE_COUNT } from '../../../src/lib/routing/archive.ts';
import { event, issue, person } from '../content/items.ts';

const article = (slug: string, published: string) => ({ slug, data: { published: parsePreciseDate(published) } });
const at = (slug: string) => ({ article: slug, section: 's', phrase: slug });

// Newest first, as the library holds them.
const ARTICLES = [article('d-2021', '2021-03-02'), article('c-2019', '2019-06'), article('b-2018b', '2018-11-20'), article('a-2018', '2018-10'), article('z-2016', '2016')];
const find = (slug: string) => ARTICLES.find((a) => a.slug === slug);

const xref = buildCrossReference([
  issue('opcon', { title: 'OPCON', events: ['pledge', 'same-month', 'year-only', 'transfer', 'undated'], mentions: [at('a-2018'), at('c-2019'), at('d-2021')] }),
  issue('costs', { title: 'Alliance costs', mentions: [at('a-2018'), at('b-2018b')] }),
  issue('lonely', { title: 'A topic of one article', mentions: [at('z-2016')] }),
  event('pledge', '2018-09-14', { mentions: [at('a-2018')] }),
  event('same-month', '2018-10-19', { mentions: [] }),
  event('year-only', '2018'),
  event('transfer', '2019-05', { mentions: [at('d-2021'), at('c-2019'), at('a-2018')] }),
  event('undated', null),
  event('summit', '2019-02-27', { issues: ['costs'], mentions: [at('b-2018b')] }),
  person('kim', { title: 'Kim', mentions: [at('a-2018'), at('z-2016')] }),
]);

describe('the archive', () => {
  it('pages a list, and gives an empty list one empty page', () => {
    expect(paged([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paged([], 20)).toEqual([[]]);
    expect(pageNumbers(5, 2)).toEqual([1, 2, 3]);
    expect(pageNumbers(0, 20)).toEqual([1]);
  });

  it('names the first, the last and the nearby pages of a long list, an ellipsis for the rest', () => {
    expect(pageWindow(1, 500, 2)).toEqual([1, 2, 3, 'gap', 500]);
    expect(pageWindow(250, 500, 2)).toEqual([1, 'gap', 248, 249, 250, 251, 252, 'gap', 500]);
    expect(pageWindow(500, 500, 2)).toEqual([1, 'gap', 498, 499, 500]);
    // A gap never stands for one page: page 2 is named rather than hidden.
    expect(pageWindow(5, 9, 2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageWindow(6, 10, 2)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 9, 10]);
    expect(pageWindow(3, 12, Infinity)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('files articles under their year, newest year first', () => {
    expect(byYear(ARTICLES).map(({ year, articles }) => [year, articles.map((a) => a.slug)])).toEqual([
      [2021, ['d-2021']],
      [2019, ['c-2019']],
      [2018, ['b-2018b', 'a-2018']],
      [2016, ['z-2016']],
    ]);
  });

  it('reads a date as lasting to its last day: a month to its 31st, a year to December', () => {
    expect(lastDayKey(parsePreciseDate('2018-10'))).toBe('2018-10-31');
    expect(lastDayKey(parsePreciseDate('2018'))).toBe('2018-12-31');
    expect(lastDayKey(parsePreciseDate('2018-10-19'))).toBe('2018-10-19');
    expect(lastDayKey(parsePreciseDate('2018-09-18/2018-09-20'))).toBe('2018-09-20');
  });

  it('since an article: the events on its topics after its date (not within its month, not an undated one), each with the newer articles on it, oldest first', () => {
    const since = sinceArticle(find('a-2018')!, find, xref);
    expect(since.events.map((e) => e.event.id)).toEqual(['summit', 'transfer']);
    expect(since.events.find((e) => e.event.id === 'transfer')!.articles.map((a) => a.slug)).toEqual(['c-2019', 'd-2021']);
    expect(since.events.find((e) => e.event.id === 'summit')!.topic.id).toBe('costs');
    expect(since.more).toBe(0);
    // The newest article on its topics has nothing later; an article on a topic with no events, nothing.
    expect(sinceArticle(find('d-2021')!, find, xref).events).toEqual([]);
    expect(sinceArticle(find('z-2016')!, find, xref).events).toEqual([]);
  });

  it('caps what it lists since, and counts the rest', () => {
    const many = Array.from({ length: SINCE_COUNT + 3 }, (_, i) => event(`e${i}`, `2020-0${(i % 9) + 1}`, { issues: ['t'] }));
    const x = buildCrossReference([issue('t', { mentions: [at('a-2018')] }), ...many]);
    const since = sinceArticle(find('a-2018')!, find, x);
    expect(since.events).toHaveLength(SINCE_COUNT);
    expect(since.more).toBe(3);
    expect(since.moreTopics.map((t) => t.id)).toEqual(['t']);
  });

  it('related reading: most shared first (issues weigh most), the newer among equals, with the reason', () => {
    const related = relatedArticles(find('a-2018')!, find, xref, KINDS);
    expect(related.map((r) => [r.article.slug, r.reason])).toEqual([
      // Shares OPCON and an event: 3 + 2.
      ['d-2021', 'also on OPCON'],
      ['c-2019', 'also on OPCON'],
      ['b-2018b', 'also on Alliance costs'],
    ]);
    expect(relatedArticles(find('z-2016')!, find, xref, KINDS).map((r) => [r.article.slug, r.reason])).toEqual([['a-2018', 'also names Kim']]);
  });
});
