/**
 * How a reader finds their way through an archive: the front page and each author's page, newest
 * first and paged; a year archive; the reading related to an article; and what happened after it
 * was written. Pure functions of the library's articles and cross-reference index, computed once
 * per build (`archiveOf`) and read by the route data.
 */
import type { AnnotationItem, CrossReference, EventItem } from '../content/cross-reference.ts';
import { newestFirst, oldestFirst, sortKey, type Dated, type PreciseDate } from '../content/dates.ts';
import type { AnnotationKind } from '../content/kinds.ts';

/**
 * Articles on one page of the front page and of an author's page. An entry (title, byline, date,
 * description, topics) is 0.6–1.4 KB of HTML: a page of twenty was 32.6 KB at 10,000 articles,
 * 4 KB compressed, so a whole page, not only its first screen, arrives in the first 14 KB round
 * trip, and a reader scans a page in a screen or two.
 */
export const FRONT_PAGE_SIZE = 20;
/**
 * Articles on one page of a year's archive. An entry with the nine topics of a typical analysis is
 * about 1.4 KB of HTML, so a hundred made year pages of 142 KB at 10,000 articles; fifty keep a page
 * near 75 KB, under the 100 KB every page must stay within, with room for longer titles.
 */
export const YEAR_PAGE_SIZE = 50;
/**
 * Pages either side of the current one that a long pager names; the first and last are always
 * named. A front page of 10,000 articles has 500 pages: naming every one was 29 KB of links on
 * each page and a list no one reads. A year's pages are all named (`pageWindow(…, Infinity)`):
 * they are how every article stays three links from the front page.
 */
export const PAGER_REACH = 2;
/** Related articles shown at the end of an article. */
export const RELATED_COUNT = 3;
/** Later events shown in "Since this was published"; the rest are a link to their topic away. */
export const SINCE_COUNT = 5;

/** What the archive needs of an article: its slug and date. */
export interface ArchivedArticle {
  slug: string;
  data: { published: PreciseDate };
}

/** The items split into pages of `size` (at least one page, maybe empty). */
export function paged<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** The page numbers (from 1) of `count` items at `size` a page: at least one page, as `paged` gives. */
export function pageNumbers(count: number, size: number): number[] {
  return Array.from({ length: Math.max(1, Math.ceil(count / size)) }, (_, i) => i + 1);
}

/**
 * The page numbers a pager names on page `current` of `last`: the first, the last, and those within
 * `reach` of the current one, with `'gap'` where numbers are left out. A gap never hides a single
 * page: naming it costs no more than the gap.
 */
export function pageWindow(current: number, last: number, reach: number): Array<number | 'gap'> {
  const named = (n: number) => n === 1 || n === last || Math.abs(n - current) <= reach;
  const items: Array<number | 'gap'> = [];
  for (let n = 1; n <= last; n++) {
    if (named(n) || (named(n - 1) && named(n + 1))) items.push(n);
    else if (items.at(-1) !== 'gap') items.push('gap');
  }
  return items;
}

/** An archived article as `oldestFirst` and `newestFirst` order it: its date of publication, then its slug. */
export const dated = (article: ArchivedArticle): Dated => ({ date: article.data.published, name: article.slug });
const olderFirst = oldestFirst(dated);
const newerFirst = newestFirst(dated);

/** The last day a date may mean, as a sort key: an article of "2018-10" was written by 2018-10-31. */
export function lastDayKey(date: PreciseDate): string {
  if (date.end) return sortKey({ ...date, ...date.end, precision: 'day' });
  return `${date.year}-${String(date.month ?? 12).padStart(2, '0')}-${String(date.day ?? 31).padStart(2, '0')}`;
}

/** Articles by year of publication, newest year first; each year's articles newest first. */
export function byYear<A extends ArchivedArticle>(newestFirst: readonly A[]): Array<{ year: number; articles: A[] }> {
  const years = new Map<number, A[]>();
  for (const article of newestFirst) {
    const list = years.get(article.data.published.year);
    if (list) list.push(article);
    else years.set(article.data.published.year, [article]);
  }
  return [...years].sort(([a], [b]) => b - a).map(([year, articles]) => ({ year, articles }));
}

/** What two articles share, and the words that say so ("also on <the shared topic>"). */
export interface Related<A> {
  article: A;
  reason: string;
}

/** How much a shared annotation of each kind says two articles belong together. */
const SHARED_WEIGHT: Record<AnnotationKind, number> = { issue: 3, event: 2, person: 1 };
const REASON: Record<AnnotationKind, (title: string) => string> = {
  issue: (title) => `also on ${title}`,
  event: (title) => `also on ${title}`,
  person: (title) => `also names ${title}`,
};

/**
 * Up to `RELATED_COUNT` articles that share the most with this one (issues weigh most, then events,
 * then people), the newer first among equals, each with the heaviest thing they share as the reason.
 */
export function relatedArticles<A extends ArchivedArticle>(article: A, find: (slug: string) => A | undefined, xref: CrossReference, kinds: readonly AnnotationKind[]): Array<Related<A>> {
  const scores = new Map<string, { score: number; best: { weight: number; title: string; kind: AnnotationKind } }>();
  for (const kind of kinds) {
    for (const item of xref.inArticle(article.slug, kind)) {
      for (const other of new Set(item.mentions.map((m) => m.article))) {
        if (other === article.slug) continue;
        const seen = scores.get(other) ?? { score: 0, best: { weight: 0, title: '', kind } };
        seen.score += SHARED_WEIGHT[kind];
        if (SHARED_WEIGHT[kind] > seen.best.weight) seen.best = { weight: SHARED_WEIGHT[kind], title: item.title, kind };
        scores.set(other, seen);
      }
    }
  }
  return [...scores]
    .flatMap(([slug, s]) => {
      const other = find(slug);
      return other ? [{ other, ...s }] : [];
    })
    .sort((a, b) => b.score - a.score || newerFirst(a.other, b.other))
    .slice(0, RELATED_COUNT)
    .map(({ other, best }) => ({ article: other, reason: REASON[best.kind](best.title) }));
}

/** A later event on one of an article's topics, with the newer articles that discuss it. */
export interface LaterEvent<A> {
  event: EventItem;
  topic: AnnotationItem<'issue'>;
  articles: A[];
}

/**
 * "Since this was published": the dated events on the article's topics (the issues it mentions)
 * that began after the last day its date may mean, in date order, each with the articles
 * published after this one that mention it (oldest first); capped at `SINCE_COUNT`, with how many
 * more there are and the topics they are on.
 */
export function sinceArticle<A extends ArchivedArticle>(article: A, find: (slug: string) => A | undefined, xref: CrossReference): { events: Array<LaterEvent<A>>; more: number; moreTopics: Array<AnnotationItem<'issue'>> } {
  const after = lastDayKey(article.data.published);
  const found = new Map<string, LaterEvent<A>>();
  for (const topic of xref.inArticle(article.slug, 'issue')) {
    for (const event of xref.linked(topic, 'event')) {
      if (!event.data.date || found.has(event.id) || sortKey(event.data.date) <= after) continue;
      const articles = [...new Set(event.mentions.map((m) => m.article))]
        .flatMap((slug) => {
          const other = find(slug);
          return other && other.slug !== article.slug && sortKey(other.data.published) > sortKey(article.data.published) ? [other] : [];
        })
        .sort(olderFirst);
      found.set(event.id, { event, topic, articles });
    }
  }
  const events = [...found.values()].sort(oldestFirst((e) => ({ date: e.event.data.date!, name: e.event.title })));
  const rest = events.slice(SINCE_COUNT);
  return { events: events.slice(0, SINCE_COUNT), more: rest.length, moreTopics: [...new Map(rest.map((e) => [e.topic.id, e.topic])).values()] };
}
