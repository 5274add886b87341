/**
 * The service worker, written as one self-contained function: `integrations/offline.ts` writes
 * `dist/sw.js` as this function's source called with the build's plan (`src/lib/offline.ts`).
 * It must not reference anything outside itself.
 *
 * - Pages: network first, so a new deploy is read as soon as it is online; the copy kept for
 *   offline is replaced on every visit. Offline, a page never opened gets the offline page.
 * - Files named by their content (`/_astro/`, Pagefind's index and fragments): cache first.
 * - Everything is kept in one cache named by the build: a new build's worker deletes the old
 *   caches when it takes over, so pages and assets of two builds never mix.
 * - Search offline: Pagefind's code and index, and the site's scripts, are kept at install; each
 *   page opened keeps its own search fragment, so results in opened pages show offline and the
 *   others say they need a connection.
 */
export interface OfflinePlan {
  /** Changes with every build that changes any file. */
  version: string;
  /** Kept at install: the offline page and the search code and index. */
  precache: string[];
  /** The page shown for a page that is neither online nor kept. */
  offlinePage: string;
  /** Each page's path → the Pagefind fragments of the search results on it. */
  fragments: Record<string, string[]>;
  /** Paths named by their content: served from the cache first. */
  immutable: string[];
}

interface FetchEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
  waitUntil(work: Promise<unknown>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(work: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<Array<{ url: string }>> };
  location: Location;
}

export function serviceWorker(plan: OfflinePlan): void {
  const scope = self as unknown as WorkerScope;
  const PREFIX = 'reader-';
  const CACHE = `${PREFIX}${plan.version}`;
  const origin = scope.location.origin;
  const isImmutable = (path: string) => plan.immutable.some((prefix) => path.startsWith(prefix));
  // Pages are kept by path: `?highlight=…` and fragments land on the same copy.
  const pageKey = (url: URL) => `${url.origin}${url.pathname}`;

  /** Keep a page's search fragments (content-named: a kept one is never fetched again). */
  const keepFragments = (cache: Cache, url: URL) =>
    Promise.all((plan.fragments[url.pathname] ?? []).map((f) => cache.match(f).then((kept) => (kept ? undefined : cache.add(f))).catch(() => undefined)));
  const keepPage = (url: URL) =>
    caches.open(CACHE).then((cache) => Promise.all([cache.add(pageKey(url)).catch(() => undefined), keepFragments(cache, url)]));

  scope.addEventListener('install', (event) => {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) => cache.addAll(plan.precache))
        .then(() => scope.skipWaiting()),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
        .then(() => scope.clients.claim())
        // The page that registered this worker loaded before it existed: keep it now, with its
        // search fragment, so the first visit already reads offline.
        .then(() => scope.clients.matchAll({ type: 'window' }))
        .then((windows) => Promise.all(windows.map((client) => keepPage(new URL(client.url))))),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== origin) return;

    if (request.mode === 'navigate') {
      event.respondWith(
        fetch(request)
          .then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => Promise.all([cache.put(pageKey(url), copy), keepFragments(cache, url)])));
            }
            return response;
          })
          .catch(() =>
            caches
              .match(pageKey(url))
              .then((kept) => kept ?? caches.match(plan.offlinePage))
              .then((page) => page ?? new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain' } })),
          ),
      );
      return;
    }

    if (isImmutable(url.pathname)) {
      event.respondWith(
        caches.match(request).then(
          (kept) =>
            kept ??
            fetch(request).then((response) => {
              if (response.ok) {
                const copy = response.clone();
                event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
              }
              return response;
            }),
        ),
      );
      return;
    }

    // Anything else of this site: the network, or the kept copy when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && plan.precache.includes(url.pathname)) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        })
        // Pagefind asks for its entry and metadata with a cache-busting `?ts=`: match by path.
        .catch(() => caches.match(request, { ignoreSearch: true }).then((kept) => kept ?? Response.error())),
    );
  });
}
