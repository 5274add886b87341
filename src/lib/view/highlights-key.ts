/**
 * Where a reader's highlights are kept, and the look every article page takes at load: apart
 * from the rest of `highlights.ts` so that look costs a page without highlights a few bytes.
 */

/** The storage key for a site built at `base` ("/" or "/reader/"): two publications on one origin keep apart. */
export function storageKey(base: string): string {
  return `long-reads:highlights:${base}`;
}

/**
 * Whether what the device keeps (in `highlightsJson(…, true)`'s form) may hold highlights of the
 * article at `path`: a look at the kept text, so a page without any loads nothing to find out.
 */
export function mayHoldArticle(kept: string | null, path: string): boolean {
  // An article's path needs no escaping in JSON; the same words elsewhere only cost a needless load.
  return kept !== null && kept.includes(`"${path}"`);
}
