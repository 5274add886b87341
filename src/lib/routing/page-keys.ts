/**
 * The keys under which Astro's incremental build (`experimental.incrementalBuild`) reuses a
 * page's previous output instead of rendering it again. A page renders its route data and nothing
 * else (components read only their props), so a hash of that data names its output; Astro adds a
 * hash of the page's code and of the config. Keys are computed in `getStaticPaths`, before any
 * page renders. An article's data is then dropped, not handed to its page as props: at 10,000
 * articles, holding every page's data until its turn would hold every section's HTML at once.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cacheKey } from '../build-cache.ts';
import type { Env } from '../env.ts';
import { articleRoute } from './data.ts';
import type { Library } from './library.ts';

/** A page's key: a hash of its route data. */
export function routeKey(route: unknown): string {
  return cacheKey([route]);
}

/** The site's address, as pages get it (`Astro.site`); in `getStaticPaths` there is no `Astro`. */
function buildSite(): URL {
  return new URL(import.meta.env.SITE);
}

const articleKeys = new WeakMap<Library, Map<string, string>>();

/**
 * An article's key, shared by the routes made from its route data (its page, its book): computed
 * once a build.
 */
export function articleKey(library: Library, slug: string, site = buildSite()): string {
  let keys = articleKeys.get(library);
  if (!keys) articleKeys.set(library, (keys = new Map()));
  let key = keys.get(slug);
  if (!key) keys.set(slug, (key = routeKey(articleRoute(library, slug, site))));
  return key;
}

/**
 * A hash of every file in `folder` (names and bytes): a book holds copies of the images it shows
 * from `public/`, which are not part of any page's data or code.
 */
export function folderVersion(folder: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(relative(folder, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * A book's key: its article's, and the public files it may hold a copy of. A kept book says it
 * was modified when it was made, which is what `dcterms:modified` means; with
 * `SOURCE_DATE_EPOCH` set, that time joins the key, so a reproducible build is the same whatever
 * the cache holds.
 */
export function bookKey(article: string, publicFiles: string, modified: Date, env: Env): string {
  return cacheKey([article, publicFiles, env['SOURCE_DATE_EPOCH'] ? modified.toISOString() : null]);
}
