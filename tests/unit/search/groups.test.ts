import { describe, expect, it } from 'vitest';
import { articleHits, groupResults, type PagefindData } from '../../../src/lib/search/groups.ts';

const wl = (...locations: number[]) => locations.map((location) => ({ weight: 1, balanced_score: 512, location }));

/** The shape Pagefind 1.x returns for our article and "OPCON": a page-level sub-result for the
 * untitled opening, and one per heading. */
const article: PagefindData = {
  url: '/piece/',
  excerpt: 'page excerpt',
  word_count: 1600,
  meta: { title: 'A Piece' },
  filters: { type: ['Article text'] },
  anchors: [
    { element: 'section', id: 'opening', location: 0 },
    { element: 'p', id: 'opening-p1', location: 0 },
    { element: 'section', id: 'means', location: 500 },
    { element: 'h2', id: 'means-title', location: 500 },
    { element: 'section', id: 'eventualities', location: 1000 },
    { element: 'h2', id: 'eventualities-title', location: 1000 },
    { element: 'h3', id: 'eventualities-sub', location: 1300 },
  ],
  sub_results: [
    { title: 'A Piece', url: '/piece/', excerpt: 'opening <mark>OPCON</mark>', locations: [166], weighted_locations: wl(166) },
    { title: 'Eventualities', url: '/piece/#eventualities-title', excerpt: 'first <mark>OPCON</mark>', locations: [1258, 1290], weighted_locations: wl(1258, 1290) },
    { title: 'A sub-heading', url: '/piece/#eventualities-sub', excerpt: 'best <mark>OPCON</mark> <mark>OPCON</mark>', locations: [1326, 1410, 1444], weighted_locations: wl(1326, 1410, 1444) },
  ],
};

const record = (url: string, type: string, title: string, extra: Partial<PagefindData> = {}): PagefindData => ({
  url,
  excerpt: `${title} excerpt`,
  word_count: 40,
  meta: { title },
  filters: { type: [type] },
  anchors: [],
  sub_results: [{ title, url, excerpt: '', locations: [3], weighted_locations: wl(3) }],
  ...extra,
});

describe('search results grouped for scanning', () => {
  it('lists each section once, the densest first, linked to its permalink with the terms', () => {
    const hits = articleHits(article, 'OPCON');
    expect(hits.map((h) => h.href)).toEqual(['/piece/?highlight=OPCON#eventualities', '/piece/?highlight=OPCON#opening']);
    // Two sub-results in one section are one place: named by its heading, excerpt from the better match.
    expect(hits[0]).toMatchObject({ title: 'Eventualities', excerpt: 'best <mark>OPCON</mark> <mark>OPCON</mark>' });
    // The untitled opening is named as the contents name it, not after the article.
    expect(hits[1]!.title).toBe('Opening');
  });

  it('prefers a short section about the terms to a long one that mentions them once', () => {
    const dense = { ...article, sub_results: [
      { title: 'A Piece', url: '/piece/', excerpt: '', locations: [10, 20], weighted_locations: wl(10, 20) },
      { title: 'Means', url: '/piece/#means-title', excerpt: '', locations: [510, 520], weighted_locations: wl(510, 520) },
    ], anchors: [...article.anchors, { element: 'section', id: 'short', location: 550 }] };
    expect(articleHits(dense, 'x').map((h) => h.href.split('#')[1])).toEqual(['means', 'opening']);
  });

  it('weighs matches by Pagefind’s scores, not by their number: one match in a heading outweighs three in the text', () => {
    const sections = { ...article, word_count: 1000, anchors: [{ element: 'section', id: 'opening', location: 0 }, { element: 'section', id: 'means', location: 500 }] };
    const at = (location: number, balanced_score: number) => ({ weight: balanced_score > 1000 ? 7 : 1, balanced_score, location });
    const scored = { ...sections, sub_results: [
      { title: 'A Piece', url: '/piece/', excerpt: '', locations: [10, 20, 30], weighted_locations: [at(10, 100), at(20, 100), at(30, 100)] },
      { title: 'Means', url: '/piece/#means-title', excerpt: '', locations: [501], weighted_locations: [at(501, 2000)] },
    ] };
    expect(articleHits(scored, 'x').map((h) => h.href.split('#')[1])).toEqual(['means', 'opening']);
    // The same matches scored alike: now the section with more of them comes first.
    const alike = { ...scored, sub_results: scored.sub_results.map((s) => ({ ...s, weighted_locations: s.locations.map((l) => at(l, 512)) })) };
    expect(articleHits(alike, 'x').map((h) => h.href.split('#')[1])).toEqual(['opening', 'means']);
  });

  /** An article's events record: one heading (sub-result) per event card, at `<article>/#events`. */
  const events = (page: string, ...cards: Array<[string, string]>): PagefindData => ({
    url: `${page}#events`,
    excerpt: '',
    word_count: 80,
    meta: { title: 'Event' },
    filters: { type: ['Event'] },
    anchors: cards.map(([id], i) => ({ element: 'h2', id, location: i * 10 })),
    sub_results: cards.map(([id, title], i) => ({ title, url: `${page}#${id}`, excerpt: `${title} excerpt`, locations: [i * 10 + 3], weighted_locations: wl(i * 10 + 3) })),
  });

  it('puts articles first in Pagefind’s order, then one group of events, then one of issues', () => {
    const second = { ...article, url: '/second/', meta: { title: 'Second' } };
    const groups = groupResults(
      [
        events('/piece/', ['opening--event-a', 'Event A (October 2018)'], ['means--event-b', 'Event B (2014)']),
        record('/issues/x/', 'Issue', 'Issue X'),
        article,
        second,
        // The same event, mentioned in the second article too: listed once.
        events('/second/', ['start--event-a', 'Event A (October 2018)']),
      ],
      'OPCON',
    );
    expect(groups.map((g) => [g.kind, g.title, g.hits.length])).toEqual([
      ['article', 'A Piece', 2],
      ['article', 'Second', 2],
      ['event', 'Events', 2],
      ['issue', 'Issues', 1],
    ]);
    // An event opens its card beside the words that mention it, with the terms highlighted.
    expect(groups[2]!.hits[0]).toEqual({ href: '/piece/?highlight=OPCON#opening--event-a', title: 'Event A (October 2018)', excerpt: 'Event A (October 2018) excerpt' });
    expect(groups[2]!.hits[1]!.href).toBe('/piece/?highlight=OPCON#means--event-b');
    const places = groups.flatMap((g) => g.hits.map((h) => h.href));
    expect(new Set(places).size).toBe(places.length);
  });

  it('gives each kind of annotation its group, in the kinds table’s order, each entry once', () => {
    const groups = groupResults(
      [
        record('/people/kim/', 'Person', 'Kim Jong Un'),
        record('/issues/x/', 'Issue', 'Issue X'),
        events('/piece/', ['opening--event-a', 'Event A (October 2018)']),
        record('/people/kim/', 'Person', 'Kim Jong Un'),
      ],
      'kim',
    );
    expect(groups.map((g) => [g.kind, g.title, g.hits.map((h) => h.title)])).toEqual([
      ['event', 'Events', ['Event A (October 2018)']],
      ['issue', 'Issues', ['Issue X']],
      ['person', 'People', ['Kim Jong Un']],
    ]);
  });

  it('links an event no article mentions to its entry in the events listing', () => {
    const [group] = groupResults([events('/events/2/', ['event-c', 'Event C (Undated)'])], 'c');
    expect(group!.hits.map((h) => h.href)).toEqual(['/events/2/?highlight=c#event-c']);
  });

  it('returns no groups for no results', () => {
    expect(groupResults([], 'zzz')).toEqual([]);
  });
});
