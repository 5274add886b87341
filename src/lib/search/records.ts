/**
 * Annotations as search records of their own kind, made from the content by the search index's
 * integration (`integrations/pagefind.ts`) and indexed beside the article pages. The kinds table
 * says where each kind is found:
 * - a kind with a page per entry (issues, people): one record per entry, at its page;
 * - a kind listed together (events): indexed where its cards are, each entry once, in the
 *   record of the first article that mentions it (oldest first), which holds a heading per card,
 *   so a result opens the card beside the words that mention it, and an archive of thousands of
 *   events costs at most one search file per article, not one per event; entries no article
 *   mentions are indexed on the listing page that lists them.
 */
import { formatPreciseDate, oldestFirst, type PreciseDate } from '../content/dates.ts';
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

/**
 * A record, as a page of HTML for Pagefind: the URL its result links to (named in the page, so a
 * whole folder of records is indexed in one call), and its content.
 */
export interface HtmlRecord {
  url: string;
  content: string;
}

export interface ArticleForSearch {
  slug: string;
  title: string;
  /** When it was published: an event is indexed with the oldest article that mentions it. */
  published: PreciseDate;
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

/** A page of HTML that Pagefind reads as one record of `kind`, its result linking to `url`, filed under `articles`. */
function record(url: string, kind: AnnotationKind, title: string, body: string, articles: readonly string[]): HtmlRecord {
  // Metadata and filters can stand anywhere in the page; only the body is indexed text.
  const filed = articles.map((a) => `<span data-pagefind-filter="${SEARCH_FILTERS.article}">${escapeHtml(a)}</span>`).join('');
  return {
    url,
    content: `<!doctype html><html lang="en"><head><title>${escapeHtml(title)}</title></head><body><div hidden><span data-pagefind-meta="title">${escapeHtml(title)}</span>${filed}</div><main data-pagefind-body data-pagefind-meta="url:${escapeHtml(url)}" data-pagefind-filter="${SEARCH_FILTERS.type}:${RESULT_TYPES[kind]}">${body}</main></body></html>`,
  };
}

/** A page of cards: each card a heading (the result's title and its anchor) and its words. */
function cardsPage(url: string, kind: AnnotationKind, blocks: readonly string[], articleTitles: readonly string[] = []): HtmlRecord {
  return record(`${url}#${CARDS_RECORD}-${kind}`, kind, RESULT_TYPES[kind], blocks.join(''), articleTitles);
}

/** The search records of `items`, mentioned in `articles`. */
export function searchRecords(items: readonly AnnotationItem[], given: readonly ArticleForSearch[]): HtmlRecord[] {
  const articles = [...given].sort(oldestFirst((a) => ({ date: a.published, name: a.slug })));
  const titles = new Map(articles.map((a) => [a.slug, a.title]));
  const articlesOf = (item: AnnotationItem) => [...new Set(item.mentions.map((m) => titles.get(m.article) ?? m.article))];
  const pages: HtmlRecord[] = [];
  for (const kind of KINDS) {
    const mine = items.filter((item) => item.kind === kind);
    if (ANNOTATION_KINDS[kind].pages === 'entries') {
      for (const item of mine) {
        const words = ANNOTATION_KINDS[kind].describe(item.data as unknown as Record<string, unknown>);
        pages.push(record(withoutBase(routes.annotation(kind, item.id)), kind, item.title, `<p>${escapeHtml(words)} ${escapeHtml(item.title)}.</p>`, articlesOf(item)));
      }
      continue;
    }
    // Listed together: found where the cards are. Each entry is indexed once, with the cards of
    // the oldest article that mentions it, in reading order: the results show each entry once
    // anyway, and an event discussed in ten articles indexed ten times cost the index ten copies
    // of its words (#17). A record is filed under every article that mentions one of its
    // entries, so filtering by any of them still finds it.
    const rank = new Map(articles.map((a, i) => [a.slug, i]));
    const byArticle = new Map<string, Array<{ item: AnnotationItem; section: string }>>();
    for (const item of mine) {
      const home = item.mentions.reduce<string | undefined>((best, m) => (rank.has(m.article) && (best === undefined || rank.get(m.article)! < rank.get(best)!) ? m.article : best), undefined);
      for (const m of item.mentions) {
        if (m.article !== home) continue;
        const list = byArticle.get(m.article);
        if (list) list.push({ item, section: m.section });
        else byArticle.set(m.article, [{ item, section: m.section }]);
      }
    }
    for (const article of articles) {
      const order = new Map(article.sections.map((id, i) => [id, i]));
      const cards = (byArticle.get(article.slug) ?? []).filter((c) => order.has(c.section)).sort((a, b) => order.get(a.section)! - order.get(b.section)!);
      const seen = new Set<string>();
      const first = cards.filter(({ item }) => !seen.has(item.id) && seen.add(item.id));
      if (first.length === 0) continue;
      const filed = [...new Set(first.flatMap(({ item }) => articlesOf(item)))];
      pages.push(cardsPage(withoutBase(routes.article(article.slug)), kind, first.map(({ item, section }) => block(cardId(section, kind, item.id), item)), filed));
    }
    const pageOf = listingPages(mine);
    const unmentioned = new Map<number, string[]>();
    for (const item of mine.filter((i) => i.mentions.length === 0)) {
      const page = pageOf.get(item.id) ?? 1;
      unmentioned.set(page, [...(unmentioned.get(page) ?? []), block(entryId(kind, item.id), item)]);
    }
    for (const [page, blocks] of unmentioned) pages.push(cardsPage(withoutBase(routes.kind(kind, page)), kind, blocks));
  }
  return pages;
}
