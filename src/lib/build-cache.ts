/**
 * Work whose result depends only on its inputs, kept between builds in BUILD_CACHE_DIR: share
 * cards (`publish/card.ts`), compiled sections (`content/compiled.ts`) and EPUB books
 * (`publish/epub-cache.ts`). An entry is named by a hash of every input, so a changed input is
 * a new entry and nothing is ever stale; a
 * 1,000-article rebuild redoes only what changed. Entries are never deleted by a build (two
 * builds of one folder may run at once): deleting BUILD_CACHE_DIR reclaims the space.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join, relative } from 'node:path';
import { buildCacheDir } from './env.ts';

/** The name of the entry for these inputs (anything JSON can write). */
export function cacheKey(inputs: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

function path(kind: string, key: string, extension: string): string {
  return join(buildCacheDir(process.env), kind, `${key}.${extension}`);
}

/**
 * The kept bytes, or undefined when nothing is kept under this key. Read at once: a promised
 * read is four round trips through the thread pool (open, stat, read, close), which cost the page
 * thread of a 1,000-article rebuild 0.65 s for its kept books.
 */
export async function readCached(kind: string, key: string, extension: string): Promise<Buffer | undefined> {
  try {
    return readFileSync(path(kind, key, extension));
  } catch {
    return undefined;
  }
}

/** Whether anything is kept under this key. */
export function isCached(kind: string, key: string, extension: string): boolean {
  return existsSync(path(kind, key, extension));
}

/** The kept text, read at once: for data a page needs while it renders. Throws when nothing is kept. */
export function readCachedText(kind: string, key: string, extension: string): string {
  return readFileSync(path(kind, key, extension), 'utf8');
}

/** The kinds' folders made so far in this thread: made once, not once an entry. */
const made = new Set<string>();

/**
 * Keep bytes under this key; written to a temporary name first, so a reader never sees half an
 * entry. Written at once: a thousand small promised writes (folder, open, write, close, rename)
 * cost the thread that awaits them several times what the writes themselves do.
 */
export async function writeCached(kind: string, key: string, extension: string, bytes: Uint8Array | string): Promise<void> {
  const target = path(kind, key, extension);
  const folder = join(buildCacheDir(process.env), kind);
  const partial = `${target}.${process.pid}.${threadId}.partial`;
  if (!made.has(folder)) mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(partial, bytes);
  } catch (error) {
    // The folder was deleted since (a test's scratch cache): make it again.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(folder, { recursive: true });
    writeFileSync(partial, bytes);
  }
  made.add(folder);
  renameSync(partial, target);
}

let codeVersion: string | undefined;
/**
 * A hash of the site's own code and files (`src/`, `integrations/`, `public/`, the Astro config)
 * and every package's version, read once a process from the project root where builds run: for
 * work keyed by its data alone, any change to the code that renders it is a new entry.
 */
export function siteCodeVersion(root = process.cwd()): string {
  if (codeVersion && root === process.cwd()) return codeVersion;
  const hash = createHash('sha256');
  const files = ['src', 'integrations', 'public']
    .filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)))
    .concat(['astro.config.ts', 'astro.config.mjs', 'package-lock.json'].map((name) => join(root, name)).filter((file) => existsSync(file)))
    .sort();
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  if (root === process.cwd()) codeVersion = version;
  return version;
}
