/**
 * The annotations' search records (`src/lib/search/records.ts`), as the search index's integration
 * makes them from the content: where each kind is found, and an event indexed once however many
 * articles discuss it.
 */
import { describe, expect, it } from 'vitest';
import type { AnnotationItem } from '../../../src/lib/content/cross-reference.ts';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import { searchRecords, type ArticleForSearch } from '../../../src/lib/search/records.ts';

const mention = (article: string, section: string) => ({ article, section, phrase: 'words' });
const event = (id: string, mentions: ReturnType<typeof mention>[]): AnnotationItem =>
  ({ kind: 'event', id, file: `events/${id}.yaml`, title: `Event ${id}`, data: { date: null, note: `What happened at ${id}.` }, mentions }) as unknown as AnnotationItem;
const issue = (id: string, mentions: ReturnType<typeof mention>[]): AnnotationItem =>
  ({ kind: 'issue', id, file: `issues/${id}.yaml`, title: `Issue ${id}`, data: { summary: `The question of ${id}.` }, mentions }) as unknown as AnnotationItem;

// Handed over newest first: the records find the oldest themselves.
const articles: ArticleForSearch[] = [
  { slug: 'newer', title: 'Newer Piece', published: parsePreciseDate('2020-03'), sections: ['n1'] },
  { slug: 'older', title: 'Older Piece', published: parsePreciseDate('2018-10'), sections: ['o1', 'o2'] },
];

const urls = (records: ReturnType<typeof searchRecords>) => records.map((r) => r.url);
const filedUnder = (content: string) => [...content.matchAll(/data-pagefind-filter="article">([^<]*)</g)].map((m) => m[1]);

describe('search records', () => {
  it('indexes an event once, with the cards of the oldest article that mentions it, filed under every article that does', () => {
    const records = searchRecords([event('shared', [mention('newer', 'n1'), mention('older', 'o2')]), event('later', [mention('newer', 'n1')])], articles);
    expect(urls(records)).toEqual(['/older/#cards-event', '/newer/#cards-event']);
    const [older, newer] = records;
    expect(older!.content.match(/<h2 /g)).toHaveLength(1);
    expect(older!.content).toContain('<h2 id="o2--event-shared">Event shared (Undated)</h2><p>What happened at shared.</p>');
    expect(filedUnder(older!.content)).toEqual(['Newer Piece', 'Older Piece']);
    // The newer article's record holds only what no older article mentions.
    expect(newer!.content).not.toContain('shared');
    expect(filedUnder(newer!.content)).toEqual(['Newer Piece']);
  });

  it('lists an article’s cards in reading order, each once, and makes no record for an article whose events are all indexed elsewhere', () => {
    const records = searchRecords([event('b', [mention('older', 'o2'), mention('older', 'o1')]), event('a', [mention('older', 'o2')]), event('c', [mention('older', 'o1'), mention('newer', 'n1')])], articles);
    expect(urls(records)).toEqual(['/older/#cards-event']);
    expect([...records[0]!.content.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1])).toEqual(['o1--event-b', 'o1--event-c', 'o2--event-a']);
  });

  it('gives a kind with a page per entry one record at its page, and an unmentioned event one on its listing page', () => {
    const records = searchRecords([issue('opcon', [mention('older', 'o1')]), event('alone', [])], articles);
    expect(urls(records)).toEqual(['/events/#cards-event', '/issues/opcon/']);
  });
});
