/**
 * The content as the build's integrations read it (`src/lib/content/read.ts`): once per build,
 * shared by the cards and the search index, which both need the articles and the annotations but
 * not their compiled words. A build starts by forgetting the previous build's reading.
 */
import { readPublication } from '../src/lib/content/read.ts';
import { contentDir } from '../src/lib/env.ts';

let reading: ReturnType<typeof readPublication> | undefined;

/** This build's content. */
export function buildContent(): ReturnType<typeof readPublication> {
  reading ??= readPublication(contentDir(process.env));
  return reading;
}

/** A new build reads the content again. */
export function forgetContent(): void {
  reading = undefined;
}
