/**
 * Events and issues as search records of their own kind. Made from the checked content during
 * the build, indexed by `integrations/pagefind.ts`.
 */
import { formatPreciseDate } from './dates.ts';
import type { AnnotationIndex } from './annotations.ts';
import { routes, withoutBase } from './routes.ts';

export const SEARCH_RECORDS_FILE = 'search-records.json';

// Records hold site paths, like Pagefind's own pages; results get the base path when shown.
/** The kinds a search result can be, as shown to readers and used as the `type` filter. */
export const RESULT_TYPES = { article: 'Article text', event: 'Event', issue: 'Issue' } as const;

/** The filter names the index carries: a result's kind, and the articles it belongs to. */
export const SEARCH_FILTERS = { type: 'type', article: 'article' } as const;

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * One record per event and issue. Each is filed under the articles that mention it, so
 * filtering search by an article keeps its events and issues.
 */
export function searchRecords(annotations: AnnotationIndex, articleTitle: (slug: string) => string): SearchRecord[] {
  const articlesOf = (mentions: ReadonlyArray<{ article: string }>) => [...new Set(mentions.map((m) => articleTitle(m.article)))];
  return [
    ...annotations.events.map((event) => {
      const date = event.date ? formatPreciseDate(event.date) : 'Undated';
      return {
        url: withoutBase(routes.event(event.id)),
        // The note first, so excerpts say something the result's title does not.
        content: [event.note, event.wording && `The article: “${event.wording}”.`, `${event.title}, ${date}.`].filter(Boolean).join(' '),
        meta: { title: event.title, date },
        filters: { [SEARCH_FILTERS.type]: [RESULT_TYPES.event], [SEARCH_FILTERS.article]: articlesOf(event.mentions) },
      };
    }),
    ...annotations.issues.map((issue) => ({
      url: withoutBase(routes.issue(issue.id)),
      content: `${issue.summary} ${issue.name}.`,
      meta: { title: issue.name },
      filters: { [SEARCH_FILTERS.type]: [RESULT_TYPES.issue], [SEARCH_FILTERS.article]: articlesOf(issue.mentions) },
    })),
  ];
}
