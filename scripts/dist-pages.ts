/**
 * The built site as a reader walks it: its pages (each `index.html` under `dist/`, as its path),
 * how many links from the front page each is, and their sizes. One definition, read by the
 * archive's test (tests/browser/archive.test.ts) and by `npm run bench:scale` at any size.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every page's path (`/`, `/page/2/`, …), search index and bundled files left out. */
export function pagePaths(dist: string, prefix = '/'): string[] {
  return readdirSync(dist).flatMap((name) => {
    const full = join(dist, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pagePaths(full, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : [];
  });
}

/** The page's own links to pages of the site (fragments and queries left off). */
export function pageLinks(dist: string, path: string): string[] {
  return [...readFileSync(join(dist, path, 'index.html'), 'utf8').matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1]!);
}

/** Each page reached from `start` in at most `depth` links, with the fewest links it takes. */
export function linksFrom(dist: string, start: string, depth: number, pages: ReadonlySet<string> = new Set(pagePaths(dist))): Map<string, number> {
  const seen = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth; d++) {
    const next: string[] = [];
    for (const page of frontier) {
      for (const link of pageLinks(dist, page)) {
        if (pages.has(link) && !seen.has(link)) {
          seen.set(link, d);
          next.push(link);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Pages whose HTML is over `bytes`, heaviest first. */
export function pagesOver(dist: string, bytes: number, pages: readonly string[] = pagePaths(dist)): Array<{ path: string; bytes: number }> {
  return pages
    .map((path) => ({ path, bytes: statSync(join(dist, path, 'index.html')).size }))
    .filter((p) => p.bytes > bytes)
    .sort((a, b) => b.bytes - a.bytes);
}
