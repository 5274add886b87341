/**
 * Annotations as search records of their own kind, made from the content by the search index's
 * integration (`integrations/pagefind.ts`) and indexed beside the article pages. The kinds table
 * says where each kind is found:
 * - a kind with a page per entry (issues, people): one record per entry, at its page;
 * - a kind listed together (events): indexed where its cards are, one record per article holding
 *   a heading per card (its first card in that article), so a result opens the card beside the
 *   words that mention it, and an archive of thousands of events costs one search file per
 *   article, not one per event; entries no article mentions are indexed on the listing page that
 *   lists them.
 */
import { formatPreciseDate } from '../content/dates.ts';
import type { AnnotationItem } from '../content/cross-reference.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';
import { cardId, entryId } from '../markdown/marks.ts';
import { listingPages, routes, withoutBase } from '../routing/routes.ts';

import { RESULT_TYPES, SEARCH_FILTERS } from './filters.ts';

// Records hold site paths, like Pagefind's own pages; results get the base path when shown.

/**
 * The fragment that keeps a record of cards apart from its page's own address (Pagefind keeps
 * one record per address); results link to `<page>#<card id>`.
 */
export const CARDS_RECORD = 'cards';

/** A record of plain text (an entry at its page). */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A record of HTML whose headings are the results (cards, each heading a card's id). */
export interface HtmlRecord {
  url: string;
  content: string;
}

export interface SearchIndexInput {
  records: SearchRecord[];
  pages: HtmlRecord[];
}

export interface ArticleForSearch {
  slug: string;
  title: string;
  /** Section ids in reading order. */
  sections: readonly string[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a result is titled: its title, and an event's date. */
export function resultTitle(item: AnnotationItem): string {
  if (item.kind !== 'event') return item.title;
  const date = (item as AnnotationItem<'event'>).data.date;
  return `${item.title} (${date ? formatPreciseDate(date) : 'Undated'})`;
}

/** An entry as one searchable block: its title as the heading (the result's title), then its words. */
function block(anchor: string, item: AnnotationItem): string {
  return `<h2 id="${escapeHtml(anchor)}">${escapeHtml(resultTitle(item))}</h2><p>${escapeHtml(ANNOTATION_KINDS[item.kind].describe(item.data as unknown as Record<string, unknown>))}</p>`;
}

function cardsPage(url: string, kind: AnnotationKind, blocks: readonly string[], articleTitle?: string): HtmlRecord {
  const filter = articleTitle === undefined ? '' : `<h1 data-pagefind-filter="${SEARCH_FILTERS.article}">${escapeHtml(articleTitle)}</h1>`;
  return {
    url: `${url}#${CARDS_RECORD}-${kind}`,
    content: `<!doctype html><html lang="en"><head><title>${escapeHtml(RESULT_TYPES[kind])}</title></head><body>${filter}<main data-pagefind-body data-pagefind-filter="${SEARCH_FILTERS.type}:${RESULT_TYPES[kind]}">${blocks.join('')}</main></body></html>`,
  };
}

export function searchRecords(items: readonly AnnotationItem[], articles: readonly ArticleForSearch[]): SearchIndexInput {
  const titles = new Map(articles.map((a) => [a.slug, a.title]));
  const articlesOf = (item: AnnotationItem) => [...new Set(item.mentions.map((m) => titles.get(m.article) ?? m.article))];
  const pages: HtmlRecord[] = [];
  const records: SearchRecord[] = [];
  for (const kind of KINDS) {
    const mine = items.filter((item) => item.kind === kind);
    if (ANNOTATION_KINDS[kind].pages === 'entries') {
      for (const item of mine) {
        records.push({
          url: withoutBase(routes.annotation(kind, item.id)),
          content: `${ANNOTATION_KINDS[kind].describe(item.data as unknown as Record<string, unknown>)} ${item.title}.`,
          meta: { title: item.title },
          filters: { [SEARCH_FILTERS.type]: [RESULT_TYPES[kind]], [SEARCH_FILTERS.article]: articlesOf(item) },
        });
      }
      continue;
    }
    // Listed together: found where the cards are, each card once per article, in reading order.
    for (const article of articles) {
      const order = new Map(article.sections.map((id, i) => [id, i]));
      const cards = mine
        .flatMap((item) => item.mentions.filter((m) => m.article === article.slug && order.has(m.section)).map((m) => ({ item, section: m.section })))
        .sort((a, b) => order.get(a.section)! - order.get(b.section)!);
      const seen = new Set<string>();
      const blocks = cards.filter(({ item }) => !seen.has(item.id) && seen.add(item.id)).map(({ item, section }) => block(cardId(section, kind, item.id), item));
      if (blocks.length > 0) pages.push(cardsPage(withoutBase(routes.article(article.slug)), kind, blocks, article.title));
    }
    const pageOf = listingPages(mine);
    const unmentioned = new Map<number, string[]>();
    for (const item of mine.filter((i) => i.mentions.length === 0)) {
      const page = pageOf.get(item.id) ?? 1;
      unmentioned.set(page, [...(unmentioned.get(page) ?? []), block(entryId(kind, item.id), item)]);
    }
    for (const [page, blocks] of unmentioned) pages.push(cardsPage(withoutBase(routes.kind(kind, page)), kind, blocks));
  }
  return { pages, records };
}
