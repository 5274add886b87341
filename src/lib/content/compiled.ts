/**
 * What the content layer compiled from each section, its HTML and its outline, kept in the build
 * cache under the section's digest: beside Astro's data store, not in it.
 *
 * Why: Astro hands its whole data store to the page build as one module holding one JSON string,
 * and V8 compiles a string literal in time that grows with the square of its length. Sections'
 * HTML and outlines were 85 % of the store (31 of 36 MB at 1,000 articles); at 10,000 articles the
 * module would take longer to compile than the rest of the build. Kept here, the store holds each
 * entry's data and digest (≈ 5 MB per 1,000 articles); the library reads every outline once and a
 * section's HTML only when its page renders. A digest names one compilation of one section's
 * inputs, so an entry is never stale, and the store's digest is the one way from an entry to it.
 */
import { isCached, readCachedText, writeCached } from '../build-cache.ts';
import { buildCacheDir } from '../env.ts';
import type { SectionOutline } from '../markdown/mentions.ts';
import type { CompiledSection } from '../markdown/pipeline.ts';

const KIND = 'sections';

/** Keep a section's compilation under its digest. */
export async function keepCompiled(digest: string, compiled: CompiledSection): Promise<void> {
  await Promise.all([writeCached(KIND, digest, 'html', compiled.html), writeCached(KIND, digest, 'json', JSON.stringify(compiled.outline))]);
}

/** Whether a compilation is kept under this digest (the build cache may have been deleted since the store was written). */
export function isKept(digest: string): boolean {
  return isCached(KIND, digest, 'json') && isCached(KIND, digest, 'html');
}

function read(digest: string, extension: 'html' | 'json', file: string): string {
  try {
    return readCachedText(KIND, digest, extension);
  } catch {
    throw new Error(`${file}: its compiled ${extension === 'html' ? 'HTML' : 'outline'} (${digest}) is not in ${buildCacheDir(process.env)}/${KIND}/: the build cache was deleted during a build. Build again.`);
  }
}

/** A kept section's outline; `file` names the section in the message if it is missing. */
export function keptOutline(digest: string, file: string): SectionOutline {
  return JSON.parse(read(digest, 'json', file)) as SectionOutline;
}

/** A kept section's HTML. */
export function keptHtml(digest: string, file: string): string {
  return read(digest, 'html', file);
}
