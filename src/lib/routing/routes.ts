import { basePath } from '../env.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';
import { compareItems, type AnnotationItem } from '../content/cross-reference.ts';
import { entryId } from '../markdown/marks.ts';
import { OFFLINE_PAGE, SERVICE_WORKER } from '../publish/offline.ts';

/**
 * The site's URLs, built in one place (base path included), and the names an article or section may not take because
 * the site already writes something there. `content-rules.ts` fails the build on a collision,
 * naming both the content file and the route's source.
 */

/** Every top-level name the site itself writes, with the file that writes it. */
export const RESERVED_TOP_LEVEL: Readonly<Record<string, string>> = {
  ...Object.fromEntries(KINDS.map((kind) => [ANNOTATION_KINDS[kind].collection, `the ${ANNOTATION_KINDS[kind].plural.toLowerCase()} pages (src/pages/[kind]/, from the kinds table in src/lib/content/kinds.ts)`])),
  search: 'src/pages/search.astro',
  highlights: 'src/pages/highlights.astro (the reader’s highlights, kept on their device)',
  page: 'src/pages/page/[page].astro (the front page, paged)',
  archive: 'src/pages/archive/ (the year archive)',
  authors: 'src/pages/authors/ (a page per author)',
  timeline: 'src/pages/timeline/ (every event on one time axis)',
  og: 'integrations/cards.ts (preview cards)',
  epub: 'src/pages/epub/[article].epub.ts (each article as an EPUB)',
  icons: 'src/pages/icons/[size].png.ts',
  offline: 'src/pages/offline.astro',
  pagefind: 'integrations/pagefind.ts (the search index)',
  _astro: "Astro's bundled scripts and styles",
  '404': 'src/pages/404.astro',
  'rss.xml': 'src/pages/rss.xml.ts',
  'robots.txt': 'src/pages/robots.txt.ts',
  'manifest.webmanifest': 'src/pages/manifest.webmanifest.ts',
  'sw.js': 'integrations/offline.ts',
  'favicon.svg': 'public/favicon.svg',
  '_headers': 'public/_headers',
  'sitemap-index.xml': '@astrojs/sitemap',
  'sitemap-0.xml': '@astrojs/sitemap',
};

/** Ids the page layout itself gives elements of an article page. */
export const RESERVED_PAGE_IDS: Readonly<Record<string, string>> = {
  main: 'src/layouts/Base.astro',
  author: 'src/components/AuthorNote.astro',
  'author-title': 'src/components/AuthorNote.astro',
  'contents-title': 'src/components/Contents.astro',
  'site-search-q': 'src/components/SiteHeader.astro',
  since: 'src/components/Afterword.astro',
  'since-title': 'src/components/Afterword.astro',
  related: 'src/components/Afterword.astro',
  'related-title': 'src/components/Afterword.astro',
  cite: 'src/components/CiteThis.astro',
  'cite-title': 'src/components/CiteThis.astro',
  'cite-apa': 'src/components/CiteThis.astro',
  'cite-chicago': 'src/components/CiteThis.astro',
  'cite-bibtex': 'src/components/CiteThis.astro',
  'cite-biblatex': 'src/components/CiteThis.astro',
};

/**
 * The ids the build derives from a section id on the article page: its heading, paragraphs,
 * notes and note marks (see rehype-article.ts and rehype-structure.ts).
 */
export const DERIVED_ID = /^(title|notes|p\d+|fn-\d+|fnref-\d+(-\d+)?)$/;

/** If `id` is one the build derives from another section id on the same page, that section's id. */
export function derivedFrom(id: string, sectionIds: Iterable<string>): string | undefined {
  for (const other of sectionIds) {
    if (other !== id && id.startsWith(`${other}-`) && DERIVED_ID.test(id.slice(other.length + 1))) return other;
  }
  return undefined;
}

/**
 * The base path the site is built for: Astro's `BASE_URL` in pages and browser scripts (Vite
 * fills it in), `BASE_PATH` in plain Node (integrations, scripts, tests). "/" or "/sub/path/".
 */
const viteBase = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL;
export const BASE = ((viteBase ?? (typeof process === 'undefined' ? '/' : basePath(process.env))).replace(/\/?$/, '/'));

/** A site path ("/rss.xml") as served under the base path ("/sub/path/rss.xml"). */
export function withBase(path: string): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

/** A served path back to the site path ("/sub/path/x/" → "/x/"), for files and the search index. */
export function withoutBase(path: string, base = BASE): string {
  return path.startsWith(base) ? `/${path.slice(base.length)}` : path;
}

/**
 * Cards on one page of a listing (`/events/`): an archive of thousands of events stays a set of
 * readable pages. At archive scale a card with its note, links and places is about 5 KB of HTML:
 * fifteen keep a page near 75 KB, under the 100 KB every page stays within.
 */
export const LISTING_PAGE_SIZE = 15;
/** Entries on one page of a kind's index (`/issues/`): a line each, a hundred stay near 30 KB. */
export const INDEX_PAGE_SIZE = 100;

/** The page of its listing (from 1) each entry of one kind is on, the entries in their kind's order. */
export function listingPages(items: readonly AnnotationItem[]): Map<string, number> {
  return new Map([...items].sort(compareItems).map((item, i) => [item.id, Math.floor(i / LISTING_PAGE_SIZE) + 1]));
}

export const routes = {
  home: () => withBase('/'),
  /** Page `page` (from 1) of the front page, newest first: `/`, `/page/2/`. */
  front: (page = 1) => withBase(page === 1 ? '/' : `/page/${page}/`),
  /** The year archive: `/archive/`, a year's articles `/archive/2018/`, its later pages `/archive/2018/2/`. */
  archive: () => withBase('/archive/'),
  year: (year: number, page = 1) => withBase(page === 1 ? `/archive/${year}/` : `/archive/${year}/${page}/`),
  /** The authors, and an author's page with their articles: `/authors/<id>/`, `/authors/<id>/2/`. */
  /** The timeline, paged: `/timeline/`, `/timeline/2/`. */
  timeline: (page = 1) => withBase(page === 1 ? '/timeline/' : `/timeline/${page}/`),
  /** One topic's timeline: on the topic's own page, which holds its events (`/issues/<id>/#issue-timeline`). */
  topicTimeline: (issue: string) => `${routes.annotation('issue', issue)}#issue-timeline`,
  authors: () => withBase('/authors/'),
  author: (id: string, page = 1) => withBase(page === 1 ? `/authors/${id}/` : `/authors/${id}/${page}/`),
  article: (slug: string) => withBase(`/${slug}/`),
  section: (slug: string, section: string) => withBase(`/${slug}/#${section}`),
  share: (slug: string, section: string) => withBase(`/${slug}/${section}/`),
  mark: (slug: string, markId: string) => withBase(`/${slug}/#${markId}`),
  /** A kind's index or listing, or page `page` (from 1) of it: `/issues/`, `/events/2/`. */
  kind: (kind: AnnotationKind, page = 1) => withBase(page === 1 ? `/${ANNOTATION_KINDS[kind].collection}/` : `/${ANNOTATION_KINDS[kind].collection}/${page}/`),
  /**
   * Where an annotation is shown on its own: its page (`/issues/<id>/`), or its entry in its kind's
   * listing, on the page (`page`) the listing puts it (`/events/2/#event-<id>`).
   */
  annotation: (kind: AnnotationKind, id: string, page = 1) =>
    ANNOTATION_KINDS[kind].pages === 'entries' ? withBase(`/${ANNOTATION_KINDS[kind].collection}/${id}/`) : `${routes.kind(kind, page)}#${entryId(kind, id)}`,
  search: () => withBase('/search/'),
  /** The reader's highlights across articles (drawn from their device by script). */
  highlights: () => withBase('/highlights/'),
  /** The article as an EPUB book. */
  epub: (slug: string) => withBase(`/epub/${slug}.epub`),
  /** The article's preview card; its sections' share pages show it too. */
  card: (slug: string) => withBase(`/og/${slug}.png`),
  offline: () => withBase(OFFLINE_PAGE),
  feed: () => withBase('/rss.xml'),
  manifest: () => withBase('/manifest.webmanifest'),
  serviceWorker: () => withBase(SERVICE_WORKER),
  pagefind: () => withBase('/pagefind/'),
} as const;
