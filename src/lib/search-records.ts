/**
 * Events and issues as search records of their own kind, made from the checked content during
 * the build and indexed by `integrations/pagefind.ts` beside the article pages.
 *
 * - One record per issue, at its page.
 * - Events are indexed where their cards are: one record per article holding a heading per event
 *   card (its first card in that article), so a result opens the card beside the words that
 *   mention it, and an archive of thousands of events costs one search file per article, not
 *   one per event. Events no article mentions are indexed on the events page that lists them.
 */
import { formatPreciseDate } from './dates.ts';
import type { AnnotationIndex, EventItem } from './annotations.ts';
import { entryId } from './mentions.ts';
import { routes, withoutBase } from './routes.ts';

export const SEARCH_RECORDS_FILE = 'search-records.json';

// Records hold site paths, like Pagefind's own pages; results get the base path when shown.
/** The kinds a search result can be, as shown to readers and used as the `type` filter. */
export const RESULT_TYPES = { article: 'Article text', event: 'Event', issue: 'Issue' } as const;

/** The filter names the index carries: a result's kind, and the articles it belongs to. */
export const SEARCH_FILTERS = { type: 'type', article: 'article' } as const;

/**
 * The fragment that keeps an events record's address apart from its page's own (Pagefind keeps
 * one record per address); results link to `<page>#<card id>`.
 */
export const EVENTS_RECORD = 'events';

/** A record of plain text (issues). */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A record of HTML whose headings are the results (events, each heading an event card's id). */
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

/** An event as one searchable block: its title and date as the heading (the result's title), then its words. */
function eventBlock(anchor: string, event: EventItem): string {
  const date = event.date ? formatPreciseDate(event.date) : 'Undated';
  const words = [event.note, event.wording && `The article: “${event.wording}”.`].filter(Boolean).join(' ');
  return `<h2 id="${escapeHtml(anchor)}">${escapeHtml(`${event.title} (${date})`)}</h2><p>${escapeHtml(words)}</p>`;
}

function eventsPage(url: string, blocks: readonly string[], articleTitle?: string): HtmlRecord {
  const filter = articleTitle === undefined ? '' : `<h1 data-pagefind-filter="${SEARCH_FILTERS.article}">${escapeHtml(articleTitle)}</h1>`;
  return {
    url: `${url}#${EVENTS_RECORD}`,
    content: `<!doctype html><html lang="en"><head><title>${escapeHtml(RESULT_TYPES.event)}</title></head><body>${filter}<main data-pagefind-body data-pagefind-filter="${SEARCH_FILTERS.type}:${RESULT_TYPES.event}">${blocks.join('')}</main></body></html>`,
  };
}

export function searchRecords(annotations: AnnotationIndex, articles: readonly ArticleForSearch[]): SearchIndexInput {
  const titles = new Map(articles.map((a) => [a.slug, a.title]));
  const articlesOf = (mentions: ReadonlyArray<{ article: string }>) => [...new Set(mentions.map((m) => titles.get(m.article) ?? m.article))];

  const pages: HtmlRecord[] = [];
  for (const article of articles) {
    const seen = new Set<string>();
    const blocks: string[] = [];
    for (const section of article.sections) {
      for (const event of annotations.inSection(article.slug, section).events) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        blocks.push(eventBlock(entryId(section, 'event', event.id), event));
      }
    }
    if (blocks.length > 0) pages.push(eventsPage(withoutBase(routes.article(article.slug)), blocks, article.title));
  }
  const unmentioned = new Map<number, string[]>();
  for (const event of annotations.events.filter((e) => e.mentions.length === 0)) {
    const page = annotations.eventPage(event.id);
    const blocks = unmentioned.get(page) ?? [];
    blocks.push(eventBlock(`event-${event.id}`, event));
    unmentioned.set(page, blocks);
  }
  for (const [page, blocks] of unmentioned) pages.push(eventsPage(withoutBase(routes.events(page)), blocks));

  return {
    pages,
    records: annotations.issues.map((issue) => ({
      url: withoutBase(routes.issue(issue.id)),
      content: `${issue.summary} ${issue.name}.`,
      meta: { title: issue.name },
      filters: { [SEARCH_FILTERS.type]: [RESULT_TYPES.issue], [SEARCH_FILTERS.article]: articlesOf(issue.mentions) },
    })),
  };
}
