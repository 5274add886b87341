/**
 * A worker thread of the EPUB endpoint (`src/pages/epub/[article].epub.ts`): makes one book, off
 * the thread that renders the pages, so on a machine of two cores the books cost the build
 * little time. What it is sent must be copied between threads: the site's `public/` folder by
 * its path, not a function.
 *
 * A book depends only on its job, the code that makes it and the site's files it may carry, so
 * it is kept in the build cache under a hash of those: a rebuild remakes only the books whose
 * article changed. `dcterms:modified` then stays the time the book was made, which is what it
 * means; with `SOURCE_DATE_EPOCH` set, that time is part of the key, so a reproducible build is
 * the same whatever the cache holds.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, readCached, writeCached } from '../build-cache.ts';
import { epub, type EpubInput } from './epub.ts';

export type EpubJob = Omit<EpubInput, 'siteFile'> & { publicDir: string };

/** A file the site serves from `public/` (an image a section shows), never one outside it. */
function publicFile(publicDir: string, path: string): Uint8Array | undefined {
  const file = join(publicDir, path);
  if (!file.startsWith(publicDir + sep)) return undefined;
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The modules that write a book (and what they import of the site's own code), and every package's version. */
const CODE = ['epub.ts', 'epub.css', 'epub-worker.ts', '../content/dates.ts', '../../../package-lock.json'];

let version: string | undefined;
/** What shapes every book besides its job, read once a thread: the code above and `public/`'s files. */
function booksVersion(publicDir: string): string {
  if (version) return version;
  const hash = createHash('sha256');
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const name of CODE) hash.update(name).update(readFileSync(join(here, name)));
  const files = readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const path of files.map((entry) => join(entry.parentPath, entry.name)).sort()) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(publicDir, path)} ${size} ${mtimeMs}\n`);
  }
  return (version = hash.digest('hex').slice(0, 16));
}

export default async function make({ publicDir, ...input }: EpubJob): Promise<Uint8Array> {
  const reproducible = Boolean(process.env['SOURCE_DATE_EPOCH']);
  const key = cacheKey([booksVersion(publicDir), { ...input, modified: reproducible ? input.modified.toISOString() : null }]);
  const kept = await readCached('epub', key, 'epub');
  if (kept) return kept;
  const book = epub({ ...input, siteFile: (path) => publicFile(publicDir, path) });
  await writeCached('epub', key, 'epub', book);
  return book;
}
