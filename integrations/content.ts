/**
 * The content as the build's integrations read it (`src/lib/content/read.ts`): once per build,
 * shared by the cards and the search index, which both need the articles and the annotations but
 * not their compiled words. It is read in a worker thread that starts with the build: the reading
 * and its YAML (about 1.2 s of a 1,000-article build) ran on the thread that starts Astro, before
 * the content layer could begin; now they overlap that start. A build starts by forgetting the
 * previous build's reading.
 */
import { Worker } from 'node:worker_threads';
import type { readPublication } from '../src/lib/content/read.ts';
import { contentDir } from '../src/lib/env.ts';

export type BuildContent = ReturnType<typeof readPublication>;

let reading: Promise<BuildContent> | undefined;

/** This build's content. */
export function buildContent(): Promise<BuildContent> {
  reading ??= new Promise<BuildContent>((ok, fail) => {
    const worker = new Worker(new URL('./content-worker.ts', import.meta.url), { workerData: contentDir(process.env) });
    worker.once('message', ok);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`reading the content for the build stopped (exit code ${code})`)));
  });
  return reading;
}

/** A new build reads the content again. */
export function forgetContent(): void {
  reading = undefined;
}
