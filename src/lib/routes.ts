import { basePath } from './env.ts';
import { OFFLINE_PAGE, SERVICE_WORKER } from './offline.ts';

/**
 * The site's URLs, built in one place (base path included), and the names an article or section may not take because
 * the site already writes something there. `content-rules.ts` fails the build on a collision,
 * naming both the content file and the route's source.
 */

/** Every top-level name the site itself writes, with the file that writes it. */
export const RESERVED_TOP_LEVEL: Readonly<Record<string, string>> = {
  events: 'src/pages/events/[...page].astro',
  issues: 'src/pages/issues/',
  search: 'src/pages/search.astro',
  og: 'src/pages/og/[article].png.ts (share cards)',
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
  'search-records.json': 'src/pages/search-records.json.ts',
};

/** Ids the page layout itself gives elements of an article page. */
export const RESERVED_PAGE_IDS: Readonly<Record<string, string>> = {
  main: 'src/layouts/Base.astro',
  author: 'src/components/AuthorNote.astro',
  'author-title': 'src/components/AuthorNote.astro',
  'contents-title': 'src/components/Contents.astro',
  'site-search-q': 'src/components/SiteHeader.astro',
  cite: 'src/components/CiteThis.astro',
  'cite-title': 'src/components/CiteThis.astro',
  'cite-apa': 'src/components/CiteThis.astro',
  'cite-chicago': 'src/components/CiteThis.astro',
  'cite-bibtex': 'src/components/CiteThis.astro',
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
 * The built files of article pages (`routes.article`: `/<slug>/` → `<slug>/index.html`), for the
 * search index. The site's own top-level pages match too, but carry no indexed text.
 */
export const ARTICLE_FILES = '*/index.html';

/** Events listed on one page of `/events/`: an archive of thousands of events stays a set of readable pages. */
export const EVENTS_PER_PAGE = 100;

export const routes = {
  home: () => withBase('/'),
  article: (slug: string) => withBase(`/${slug}/`),
  section: (slug: string, section: string) => withBase(`/${slug}/#${section}`),
  share: (slug: string, section: string) => withBase(`/${slug}/${section}/`),
  mark: (slug: string, markId: string) => withBase(`/${slug}/#${markId}`),
  /** Page `page` (from 1) of the events listing. */
  events: (page = 1) => withBase(page === 1 ? '/events/' : `/events/${page}/`),
  /** An event in the listing: `page` is where the listing puts it (`AnnotationIndex.eventPage`). */
  event: (id: string, page: number) => `${routes.events(page)}#event-${id}`,
  issues: () => withBase('/issues/'),
  issue: (id: string) => withBase(`/issues/${id}/`),
  search: () => withBase('/search/'),
  /** The article's preview card; its sections' share pages show it too. */
  card: (slug: string) => withBase(`/og/${slug}.png`),
  offline: () => withBase(OFFLINE_PAGE),
  feed: () => withBase('/rss.xml'),
  manifest: () => withBase('/manifest.webmanifest'),
  serviceWorker: () => withBase(SERVICE_WORKER),
  pagefind: () => withBase('/pagefind/'),
} as const;
