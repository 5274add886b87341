/**
 * The service worker, written as one self-contained function: `integrations/offline.ts` writes
 * `dist/sw.js` as this function's source called with the build's plan (`src/lib/offline.ts`).
 * It must not reference anything outside itself.
 *
 * What a reader keeps survives a deploy, and costs nothing they did not ask for:
 * - Pages: network first, so a new deploy is read as soon as it is online, and the copy kept for
 *   offline is replaced by the newer one. Kept pages live in their own cache, keyed by path, not
 *   by build: a new build never drops them. At most `pageCap` are kept, the oldest first out.
 * - Files named by their content (`/_astro/`): cache first, in one cache shared by every build (a
 *   name always means the same bytes). A new worker removes only those neither its build nor any
 *   kept page uses, so pages kept from an older build still read with their own styles.
 * - The first visit costs only the page: install fetches nothing; the page that registered the
 *   worker is kept by revalidating it (a 304), with the files it loaded (from the HTTP cache); the
 *   offline page and the site's other scripts are kept on the next page a reader opens online.
 * - Search offline is kept when the reader first searches online (the page asks, never under
 *   Save-Data): Pagefind's code and entry by path, as the search fetched them (its `?ts=`
 *   cache-busting ignored), its index, and each kept page's search fragments.
 * - Every cache name carries the worker's scope, so two publications on one origin never touch
 *   each other's caches. Fetches for keeping revalidate (`no-cache`), so a stale HTTP-cache copy of
 *   a previous build's file is never kept.
 */
export interface OfflinePlan {
  /** Changes with every build that changes any file. */
  version: string;
  /** The page shown for a page that is neither online nor kept. */
  offlinePage: string;
  /** The folder of the site's files named by their content (`/_astro/`), and this build's files in it. */
  assetFolder: string;
  assets: string[];
  /** This build's files kept only once a reader's page fetches them (their own tools), never before. */
  assetsOnFirstUse: string[];
  /** Pagefind's index and filter folders: named by their content, cache first, kept once read. */
  indexFolders: string[];
  /** Pagefind's fragment folder: named by their content, cache first, kept only with the page they are on. */
  fragmentFolder: string;
  /** Where the search plan (`OfflineSearchPlan`) is, fetched when the reader first searches. */
  searchPlan: string;
  /** Pagefind's code, entry, metadata and wasm (a few files, whatever the archive's size). */
  searchCore: string[];
  /** The most pages kept. */
  pageCap: number;
}

/** What offline search needs, written beside the site (`/offline/search.json`): fetched only when asked for. */
export interface OfflineSearchPlan {
  /** Pagefind's code, entry, metadata and wasm. */
  core: string[];
  /** Pagefind's index and filter chunks. */
  chunks: string[];
  /** Each page's path → the Pagefind fragments of the search results on it. */
  fragments: Record<string, string[]>;
}

interface FetchEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
  waitUntil(work: Promise<unknown>): void;
}
interface MessageEventLike {
  data: unknown;
  waitUntil(work: Promise<unknown>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(work: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { scope: string };
  location: Location;
}

export function serviceWorker(plan: OfflinePlan): void {
  const scope = self as unknown as WorkerScope;
  const origin = scope.location.origin;
  // One publication's caches: its scope is in every name.
  const prefix = `reader:${new URL(scope.registration.scope).pathname}:`;
  const PAGES = `${prefix}pages`;
  const ASSETS = `${prefix}assets`;
  const SEARCH = `${prefix}search`;
  const SHELL = `${prefix}shell`;
  const isAsset = (path: string) => path.startsWith(plan.assetFolder);
  const isIndex = (path: string) => plan.indexFolders.some((folder) => path.startsWith(folder));
  const isFragment = (path: string) => path.startsWith(plan.fragmentFolder);
  const isImmutable = (path: string) => isAsset(path) || isIndex(path) || isFragment(path);
  // Pages and Pagefind's own files are kept by path: `?highlight=…`, `?ts=…` and fragments land on one copy.
  const byPath = (url: URL) => `${url.origin}${url.pathname}`;
  // Where a kept page names one of the site's files: in an attribute or a CSS url().
  const ASSET_REF = new RegExp(`["'(](${plan.assetFolder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"'()\\s]+)["')]`, 'g');

  const open = (name: string) => caches.open(name);
  /** Fetch for keeping: revalidated, so a previous build's copy in the HTTP cache is never kept. */
  const fetchFresh = (url: string) => fetch(url, { cache: 'no-cache' });
  const searchPlan = async (): Promise<OfflineSearchPlan | undefined> => {
    if (!(await caches.has(SEARCH))) return undefined;
    const kept = await (await open(SEARCH)).match(new URL(plan.searchPlan, origin).href);
    return kept ? ((await kept.json()) as OfflineSearchPlan) : undefined;
  };

  /** Keep one file in a cache unless it is there; content-named files never change. */
  const keepOnce = async (cache: Cache, url: string) => {
    if (await cache.match(url)) return;
    const response = await fetch(url);
    if (response.ok) await cache.put(url, response);
  };

  /** Keep a page's search fragments, when the reader has kept search. */
  const keepFragments = async (path: string, known?: OfflineSearchPlan) => {
    const search = known ?? (await searchPlan());
    if (!search) return;
    const cache = await open(SEARCH);
    await Promise.all((search.fragments[path] ?? []).map((f) => keepOnce(cache, f).catch(() => undefined)));
  };

  /** Put a page in the kept pages (as the newest), then drop the oldest beyond the cap. */
  const keepPageResponse = async (url: URL, response: Response) => {
    const pages = await open(PAGES);
    const key = byPath(url);
    // Delete first, so the page moves to the end of the cache's order: the newest kept.
    await pages.delete(key);
    await pages.put(key, response);
    const keys = await pages.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - plan.pageCap)).map((k) => pages.delete(k)));
  };

  /**
   * The offline page and this build's own scripts and styles (a few files, whatever the archive's
   * size), so every reading aid works offline: kept from the second page read online, never on
   * the first visit.
   */
  const keepShell = async () => {
    const [shell, assets] = await Promise.all([open(SHELL), open(ASSETS)]);
    await Promise.all(plan.assets.map((a) => keepOnce(assets, new URL(a, origin).href).catch(() => undefined)));
    if (await shell.match(plan.offlinePage)) return;
    const response = await fetchFresh(plan.offlinePage);
    if (response.ok) await shell.put(plan.offlinePage, response);
  };

  /** The page that registered the worker loaded before it: keep it (a revalidation) and the files it loaded. */
  const keepLoadedPage = async (page: string, loaded: readonly string[]) => {
    const url = new URL(page);
    if (url.origin !== origin) return;
    const response = await fetch(byPath(url), { cache: 'no-cache' });
    if (response.ok) await keepPageResponse(url, response);
    const assets = await open(ASSETS);
    await Promise.all(
      loaded
        .map((u) => new URL(u, origin))
        .filter((u) => u.origin === origin && isAsset(u.pathname))
        .map((u) => keepOnce(assets, u.href).catch(() => undefined)),
    );
    await keepFragments(url.pathname);
  };

  /** Keep what offline search needs: asked for by the page after a search online. */
  const keepSearch = async () => {
    const response = await fetchFresh(plan.searchPlan);
    if (!response.ok) return;
    const search = (await response.clone().json()) as OfflineSearchPlan;
    const cache = await open(SEARCH);
    // The index first, then the code and entry that name it: an offline search never finds an
    // entry whose index is not kept. Pagefind's code and entry change with every build: by path.
    await Promise.all(search.chunks.map((chunk) => keepOnce(cache, new URL(chunk, origin).href).catch(() => undefined)));
    // Pagefind's code and entry were kept by path as the search fetched them; fetch what is not.
    await Promise.all(
      search.core.map(async (path) => {
        const url = new URL(path, origin);
        if (await cache.match(byPath(url))) return;
        const fresh = await fetchFresh(url.href);
        if (fresh.ok) await cache.put(byPath(url), fresh);
      }),
    );
    const pages = (await (await open(PAGES)).keys()).map((request) => new URL(request.url).pathname);
    await Promise.all([...pages.map((page) => keepFragments(page, search)), keepShell()]);
    await cache.put(new URL(plan.searchPlan, origin).href, response);
    // What an older build's search kept and this one does not name is never read again.
    const named = new Set([...search.core, ...search.chunks, ...pages.flatMap((p) => search.fragments[p] ?? []), plan.searchPlan].map((p) => new URL(p, origin).href));
    await Promise.all((await cache.keys()).filter((r) => !named.has(r.url)).map((r) => cache.delete(r)));
  };

  /** Files of older builds that neither this build nor any kept page uses. */
  const pruneAssets = async () => {
    const used = new Set([...plan.assets, ...plan.assetsOnFirstUse].map((a) => new URL(a, origin).href));
    const pages = await open(PAGES);
    for (const request of await pages.keys()) {
      const html = await (await pages.match(request))?.text();
      for (const m of html?.matchAll(ASSET_REF) ?? []) used.add(new URL(m[1]!, origin).href);
    }
    const assets = await open(ASSETS);
    await Promise.all((await assets.keys()).filter((r) => !used.has(r.url)).map((r) => assets.delete(r)));
  };

  /** The worker before this design kept everything in `reader-<build>`: move its pages and files over once. */
  const migrateLegacy = async () => {
    for (const name of await caches.keys()) {
      if (!/^reader-[0-9a-f]{16}$/.test(name)) continue;
      const legacy = await caches.open(name);
      // Only this publication's: its offline page is in it.
      if (!(await legacy.match(plan.offlinePage))) continue;
      const [pages, assets] = await Promise.all([open(PAGES), open(ASSETS)]);
      for (const request of await legacy.keys()) {
        const url = new URL(request.url);
        const response = await legacy.match(request);
        if (!response || url.origin !== origin) continue;
        if (isAsset(url.pathname)) await assets.put(request, response);
        else if (!isImmutable(url.pathname) && response.headers.get('content-type')?.startsWith('text/html') && url.pathname !== new URL(plan.offlinePage, origin).pathname) {
          await pages.put(byPath(url), response);
        }
      }
      await caches.delete(name);
    }
  };

  scope.addEventListener('install', () => {
    // Nothing is fetched at install: the first visit costs only the page.
    void scope.skipWaiting();
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(migrateLegacy().then(pruneAssets).catch(() => undefined).then(() => scope.clients.claim()));
  });

  scope.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; page?: unknown; loaded?: unknown } | null;
    if (data?.type === 'keep-page' && typeof data.page === 'string' && Array.isArray(data.loaded)) {
      event.waitUntil(keepLoadedPage(data.page, data.loaded.filter((u): u is string => typeof u === 'string')).catch(() => undefined));
    } else if (data?.type === 'keep-search') {
      event.waitUntil(keepSearch().catch(() => undefined));
    }
  });

  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== origin) return;

    if (request.mode === 'navigate') {
      event.respondWith(
        fetch(request)
          .then((response) => {
            if (response.ok && response.headers.get('content-type')?.startsWith('text/html')) {
              const copy = response.clone();
              event.waitUntil(
                keepPageResponse(url, copy)
                  .then(() => Promise.all([keepShell(), keepFragments(url.pathname)]))
                  .catch(() => undefined),
              );
            }
            return response;
          })
          .catch(async () => {
            const kept = (await (await open(PAGES)).match(byPath(url))) ?? (await (await open(SHELL)).match(plan.offlinePage));
            // Before the offline page is kept (it is, from the second page read online): say the same in a line.
            const home = new URL(scope.registration.scope).pathname;
            return (
              kept ??
              new Response(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>You are offline</title><h1>You are offline</h1><p>This page has not been saved on this device. <a href="${home}">Go to the list of articles</a>.</p></html>`, {
                status: 503,
                headers: { 'content-type': 'text/html; charset=utf-8' },
              })
            );
          }),
      );
      return;
    }

    if (isImmutable(url.pathname)) {
      // A fragment read online is not kept: offline, a result shows only where its page is kept.
      const keep = isAsset(url.pathname) ? ASSETS : isIndex(url.pathname) ? SEARCH : undefined;
      event.respondWith(
        (async () => {
          for (const name of [ASSETS, SEARCH]) {
            const kept = await (await open(name)).match(request);
            if (kept) return kept;
          }
          const response = await fetch(request);
          if (response.ok && keep) {
            const copy = response.clone();
            event.waitUntil(open(keep).then((cache) => cache.put(request, copy)).catch(() => undefined));
          }
          return response;
        })(),
      );
      return;
    }

    // Pagefind's code and entry, not named by their content: the network, and kept by path (its
    // `?ts=` ignored) for offline search. A reader fetches them only by searching.
    if (plan.searchCore.includes(url.pathname)) {
      event.respondWith(
        fetch(request)
          .then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(open(SEARCH).then((cache) => cache.put(byPath(url), copy)).catch(() => undefined));
            }
            return response;
          })
          .catch(async () => (await (await open(SEARCH)).match(byPath(url))) ?? Response.error()),
      );
      return;
    }

    // Anything else of this site (the manifest, icons): the network, or a copy kept by path when offline.
    event.respondWith(
      fetch(request).catch(async () => {
        for (const name of [SHELL, ASSETS]) {
          const kept = await (await open(name)).match(byPath(url));
          if (kept) return kept;
        }
        return Response.error();
      }),
    );
  });
}
