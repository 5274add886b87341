/**
 * What the service worker keeps, decided at build time from the built files. Pure: the
 * integration (`integrations/offline.ts`) reads `dist/`, this decides, the worker
 * (`src/sw/service-worker.ts`) follows.
 */
import type { OfflinePlan, OfflineSearchPlan } from '../../sw/service-worker.ts';

export const OFFLINE_PAGE = '/offline/';
export const SERVICE_WORKER = '/sw.js';
/** What offline search needs: written beside the offline page, fetched only when a reader asks for it. */
export const OFFLINE_SEARCH_PLAN = '/offline/search.json';

/**
 * The most pages a reader's device keeps, the oldest first out. An article page with its notes is
 * about 80 KB as kept, so 200 pages are some 16 MB: months of reading, and well inside what every
 * browser grants a site without asking, even on a phone.
 */
export const PAGE_CAP = 200;

/** Pagefind's `pagefind-entry.json`: which wasm and metadata each language uses. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * Files of the reader's own tools (highlights and notes: `src/scripts/highlights.ts`), fetched
 * the first time a reader uses one and kept then, as every file of the asset folder is: a reader
 * who never highlights never downloads them, online or for offline. Vite names a chunk after its
 * module.
 */
export const ON_FIRST_USE = /^\/_astro\/highlights\.[\w-]+\.js$/;

/** Folders whose files are named by their content: once kept, never fetched again. */
export const CONTENT_NAMED = { assets: '/_astro/', index: ['/pagefind/index/', '/pagefind/filter/'], fragments: '/pagefind/fragment/' } as const;

export function offlinePlan(input: {
  /** Every built file, as a site path (`/pagefind/index/en_1.pf_index`). */
  files: readonly string[];
  entry: PagefindEntry;
  /** A fragment's path → the URL of the search result it holds (`/events/#event-x`). */
  fragmentUrls: Readonly<Record<string, string>>;
  version: string;
  /** The base path the site is served under ("/" or "/sub/path/"). */
  base?: string;
}): { worker: OfflinePlan; search: OfflineSearchPlan } {
  const at = (path: string) => `${(input.base ?? '/').replace(/\/$/, '')}${path}`;
  const languages = Object.values(input.entry.languages);
  const core = [
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
    ...languages.flatMap((l) => [`/pagefind/pagefind.${l.hash}.pf_meta`, ...(l.wasm ? [`/pagefind/wasm.${l.wasm}.pagefind`] : [])]),
  ];
  const chunks = input.files.filter((f) => /^\/pagefind\/(index|filter)\//.test(f)).sort();
  const assets = input.files.filter((f) => f.startsWith(CONTENT_NAMED.assets)).sort();
  const onFirstUse = assets.filter((f) => ON_FIRST_USE.test(f));
  const fragments: Record<string, string[]> = {};
  for (const [fragment, url] of Object.entries(input.fragmentUrls).sort(([a], [b]) => a.localeCompare(b))) {
    const page = new URL(url, 'http://site').pathname;
    (fragments[at(page)] ??= []).push(at(fragment));
  }
  const missing = [...core, OFFLINE_PAGE].filter((p) => !input.files.includes(p.endsWith('/') ? `${p}index.html` : p));
  if (missing.length > 0) throw new Error(`offline: the build has no ${missing.join(', ')}; the service worker cannot keep them.`);
  return {
    worker: {
      version: input.version,
      offlinePage: at(OFFLINE_PAGE),
      assetFolder: at(CONTENT_NAMED.assets),
      assets: assets.filter((f) => !onFirstUse.includes(f)).map(at),
      assetsOnFirstUse: onFirstUse.map(at),
      indexFolders: CONTENT_NAMED.index.map(at),
      fragmentFolder: at(CONTENT_NAMED.fragments),
      searchPlan: at(OFFLINE_SEARCH_PLAN),
      searchCore: core.map(at),
      pageCap: PAGE_CAP,
    },
    search: { core: core.map(at), chunks: chunks.map(at), fragments },
  };
}
