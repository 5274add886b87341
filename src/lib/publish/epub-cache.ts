/**
 * EPUB books kept between builds. A book is a function of its article's route data, the site's
 * code and the time it was made; it is kept in the build cache under a hash of the first two
 * (`siteCodeVersion`), so a rebuild after an edit neither renders nor zips the books of the
 * articles the edit left alone. A kept book says it was modified when it was made, which is
 * what `dcterms:modified` means; with `SOURCE_DATE_EPOCH` set, that time joins the key, so a
 * reproducible build is the same whatever the cache holds.
 */
import type { Env } from '../env.ts';
import { cacheKey, readCached, siteCodeVersion, writeCached } from '../build-cache.ts';

/** The entry for a book made from `data` (anything JSON can write) at `modified`. */
export function bookKey(data: unknown, modified: Date, env: Env): string {
  return cacheKey([siteCodeVersion(), data, env['SOURCE_DATE_EPOCH'] ? modified.toISOString() : null]);
}

/** The book kept under `key`, else the one `make` makes, kept for the next build. */
export async function keptBook(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const kept = await readCached('epub', key, 'epub');
  if (kept) return kept;
  const book = await make();
  await writeCached('epub', key, 'epub', book);
  return book;
}
