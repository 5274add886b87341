/**
 * Reading offline: after Pagefind has written the index, write `dist/sw.js` from the worker in
 * `src/sw/service-worker.ts` and the plan `src/lib/offline.ts` makes from the built files, and
 * the search plan the worker fetches when a reader first searches. The version is a hash of every
 * built file's path and content, so any change to the site makes a new worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import { OFFLINE_SEARCH_PLAN, offlinePlan, SERVICE_WORKER, type PagefindEntry } from '../src/lib/publish/offline.ts';
import { serviceWorker } from '../src/sw/service-worker.ts';

/** Pagefind fragments are gzip: a 12-byte signature, then the result's JSON; its URL is the one its record names, if it names one. */
function fragmentUrl(bytes: Buffer): string {
  const text = gunzipSync(bytes).subarray('pagefind_dcd'.length).toString('utf8');
  const data = JSON.parse(text) as { url: string; meta?: { url?: string } };
  return data.meta?.url ?? data.url;
}

export default function offlineIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'reader:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const names = (await readdir(site, { recursive: true, withFileTypes: true }))
          .filter((d) => d.isFile())
          .map((d) => join(d.parentPath, d.name).slice(site.length).split(sep).join('/'))
          .filter((name) => name !== SERVICE_WORKER.slice(1) && name !== OFFLINE_SEARCH_PLAN.slice(1))
          .sort();
        const hash = createHash('sha256');
        const fragmentUrls: Record<string, string> = {};
        // One file after another, synchronously: at thousands of files, a promise's round trips
        // through the thread pool cost more than the reading (measured at 10,000 articles, 64 at a
        // time with promises: twice the time, three times the CPU).
        for (const name of names) {
          const bytes = readFileSync(join(site, name));
          hash.update(name).update(bytes);
          if (name.startsWith('pagefind/fragment/')) fragmentUrls[`/${name}`] = fragmentUrl(bytes);
        }
        const entry = JSON.parse(await readFile(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
        const plan = offlinePlan({ files: names.map((n) => `/${n}`), entry, fragmentUrls, version: hash.digest('hex').slice(0, 16), base });
        // The worker is its function's own source, called with the plan: nothing else to bundle.
        // Minified: every first visit downloads it.
        const worker = await transform(`(${serviceWorker.toString()})(${JSON.stringify(plan.worker)});`, { minify: true, loader: 'js', target: 'es2022' });
        await writeFile(join(site, SERVICE_WORKER.slice(1)), worker.code);
        await writeFile(join(site, OFFLINE_SEARCH_PLAN.slice(1)), JSON.stringify(plan.search));
        logger.info(`wrote ${SERVICE_WORKER} (version ${plan.worker.version}) and ${OFFLINE_SEARCH_PLAN}: ${plan.search.core.length + plan.search.chunks.length} search files kept when a reader first searches`);
      },
    },
  };
}
