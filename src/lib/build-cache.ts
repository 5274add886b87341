/**
 * Work whose result depends only on its inputs, kept between builds in BUILD_CACHE_DIR: share
 * cards (`publish/card.ts`) and compiled sections (`content/compiled.ts`). An entry is named by a
 * hash of every input, so a changed input is a new entry and nothing is ever stale; a
 * 1,000-article rebuild redoes only what changed. Entries are never deleted by a build (two
 * builds of one folder may run at once): deleting BUILD_CACHE_DIR reclaims the space. (Pages and
 * books are kept by Astro's incremental build, in its cache folder inside BUILD_CACHE_DIR, under
 * the keys of `routing/page-keys.ts`.)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import { buildCacheDir } from './env.ts';

/**
 * A hash fed as JSON would write a value (`toJSON` honoured, functions and `undefined` kept
 * apart from nothing), every string and key with its length first so no two values feed the same
 * bytes. Fed piece by piece: writing a page's route data out as JSON first (its sections' HTML,
 * escaped) took ten times as long as hashing it. Short pieces are gathered before they reach the
 * hash, whose every update has a cost of its own.
 */
class ValueHash {
  readonly #hash = createHash('sha256');
  #pending = '';

  #put(text: string): void {
    this.#pending += text;
    if (this.#pending.length > 2048) this.#flush();
  }

  #flush(): void {
    this.#hash.update(this.#pending);
    this.#pending = '';
  }

  feed(value: unknown): void {
    if (typeof value === 'string') {
      this.#put(`s${value.length}:`);
      if (value.length < 256) return this.#put(value);
      this.#flush();
      this.#hash.update(value);
    } else if (value === null || typeof value !== 'object') {
      this.#put(`${typeof value}:${String(value)};`);
    } else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      this.feed((value as { toJSON: () => unknown }).toJSON());
    } else if (Array.isArray(value)) {
      this.#put(`[${value.length}`);
      for (const item of value) this.feed(item);
      this.#put(']');
    } else {
      this.#put('{');
      for (const key of Object.keys(value)) {
        this.#put(`${key.length}:${key}`);
        this.feed((value as Record<string, unknown>)[key]);
      }
      this.#put('}');
    }
  }

  digest(): string {
    this.#flush();
    return this.#hash.digest('hex');
  }
}

/** The name of the entry for these inputs (anything JSON can write). */
export function cacheKey(inputs: readonly unknown[]): string {
  const hash = new ValueHash();
  hash.feed(inputs);
  return hash.digest().slice(0, 32);
}

function path(kind: string, key: string, extension: string): string {
  return join(buildCacheDir(process.env), kind, `${key}.${extension}`);
}

/**
 * The kept bytes, or undefined when nothing is kept under this key. Read at once: a promised
 * read is four round trips through the thread pool (open, stat, read, close), which cost the page
 * thread of a 1,000-article rebuild 0.65 s when it read 1,000 kept entries.
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
