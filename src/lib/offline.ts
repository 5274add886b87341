/**
 * What the service worker keeps, decided at build time from the built files. Pure: the
 * integration (`integrations/offline.ts`) reads `dist/`, this decides, the worker
 * (`src/sw/service-worker.ts`) follows.
 */
import type { OfflinePlan } from '../sw/service-worker.ts';

export const OFFLINE_PAGE = '/offline/';
export const SERVICE_WORKER = '/sw.js';

/** Pagefind's `pagefind-entry.json`: which wasm and metadata each language uses. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/** Folders whose files are named by their content: once kept, never fetched again. */
export const IMMUTABLE = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'];

export function offlinePlan(input: {
  /** Every built file, as a site path (`/pagefind/index/en_1.pf_index`). */
  files: readonly string[];
  entry: PagefindEntry;
  /** A fragment's path → the URL of the search result it holds (`/events/#event-x`). */
  fragmentUrls: Readonly<Record<string, string>>;
  version: string;
  /** The base path the site is served under ("/" or "/sub/path/"). */
  base?: string;
}): OfflinePlan {
  const at = (path: string) => `${(input.base ?? '/').replace(/\/$/, '')}${path}`;
  const languages = Object.values(input.entry.languages);
  const searchCore = [
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
    ...languages.flatMap((l) => [`/pagefind/pagefind.${l.hash}.pf_meta`, ...(l.wasm ? [`/pagefind/wasm.${l.wasm}.pagefind`] : [])]),
  ];
  const chunks = input.files.filter((f) => /^\/pagefind\/(index|filter)\//.test(f) || /^\/_astro\/.+\.(js|css)$/.test(f));
  const fragments: Record<string, string[]> = {};
  for (const [fragment, url] of Object.entries(input.fragmentUrls).sort(([a], [b]) => a.localeCompare(b))) {
    const page = new URL(url, 'http://site').pathname;
    (fragments[at(page)] ??= []).push(at(fragment));
  }
  const missing = [...searchCore, OFFLINE_PAGE].filter((p) => !input.files.includes(p.endsWith('/') ? `${p}index.html` : p));
  if (missing.length > 0) throw new Error(`offline: the build has no ${missing.join(', ')}; the service worker cannot keep them.`);
  return {
    version: input.version,
    precache: [OFFLINE_PAGE, ...searchCore, ...chunks.sort()].map(at),
    offlinePage: at(OFFLINE_PAGE),
    fragments,
    immutable: IMMUTABLE.map(at),
  };
}
