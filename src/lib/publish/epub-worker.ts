/**
 * A worker thread of the EPUB endpoint (`src/pages/epub/[article].epub.ts`): makes one book, off
 * the thread that renders the pages, so on a machine of two cores the books cost the build
 * little time. What it is sent must be copied between threads: the site's `public/` folder by
 * its path, not a function.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
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

export default function make({ publicDir, ...input }: EpubJob): Uint8Array {
  return epub({ ...input, siteFile: (path) => publicFile(publicDir, path) });
}
