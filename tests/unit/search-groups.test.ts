import { describe, expect, it } from 'vitest';
import { articleHits, groupResults, type PagefindData } from '../../src/lib/search-groups.ts';

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

  it('puts articles first in Pagefind’s order, then one group of events, then one of issues', () => {
    const second = { ...article, url: '/second/', meta: { title: 'Second' } };
    const groups = groupResults(
      [
        record('/events/#event-a', 'Event', 'Event A', { meta: { title: 'Event A', date: 'October 2018' } }),
        record('/issues/x/', 'Issue', 'Issue X'),
        article,
        record('/events/#event-b', 'Event', 'Event B'),
        second,
        record('/events/#event-a', 'Event', 'Event A'),
      ],
      'OPCON',
    );
    expect(groups.map((g) => [g.kind, g.title, g.hits.length])).toEqual([
      ['article', 'A Piece', 2],
      ['article', 'Second', 2],
      ['event', 'Events', 2],
      ['issue', 'Issues', 1],
    ]);
    expect(groups[2]!.hits[0]).toEqual({ href: '/events/#event-a', title: 'Event A', excerpt: 'Event A excerpt', date: 'October 2018' });
    const places = groups.flatMap((g) => g.hits.map((h) => h.href));
    expect(new Set(places).size).toBe(places.length);
  });

  it('returns no groups for no results', () => {
    expect(groupResults([], 'zzz')).toEqual([]);
  });
});
