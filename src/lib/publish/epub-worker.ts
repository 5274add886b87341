/**
 * A worker thread of the EPUB endpoint (`src/pages/epub/[article].epub.ts`): makes one book, off
 * the thread that renders the pages, so on a machine of two cores the books cost the build
 * little time. What it is sent must be copied between threads: the site's `public/` folder by
 * its path, not a function.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { epub, type EpubInput } from './epub.ts';

/**
 * The book's text comes as the bytes Astro's container rendered (UTF-8), moved to this thread,
 * not copied: read back as a string on the page thread, its decoding alone took that thread
 * 0.85 s of a 1,000-article build.
 */
export type EpubJob = Omit<EpubInput, 'siteFile' | 'html'> & { publicDir: string; html: Uint8Array };

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

export default function make({ publicDir, html, ...input }: EpubJob): Uint8Array {
  return epub({ ...input, html: new TextDecoder().decode(html), siteFile: (path) => publicFile(publicDir, path) });
}
