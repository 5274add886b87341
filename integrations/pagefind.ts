/**
 * Builds the Pagefind index in the same `astro build`: HTML pages marked `data-pagefind-body`
 * (the article text) plus one custom record per event and issue, read from the build's own
 * `search-records.json` (made from the checked content by `src/pages/search-records.json.ts`,
 * then removed so it is not deployed). Any Pagefind error fails the build.
 */
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../src/lib/search-records.ts';

const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n  - ${errors.join('\n  - ')}`);
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'reader:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const recordsPath = `${site}${SEARCH_RECORDS_FILE}`;
        const records = JSON.parse(await readFile(recordsPath, 'utf8')) as SearchRecord[];
        await rm(recordsPath);

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) fail('setup', errors);
        try {
          const pages = await index.addDirectory({ path: site });
          if (pages.errors.length) fail('indexing', pages.errors);
          for (const record of records) {
            const added = await index.addCustomRecord({ ...record, language: 'en' });
            if (added.errors.length) fail(`indexing ${record.url}`, added.errors);
          }
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) fail('writing', written.errors);
          // Pagefind also writes its own search UIs and a worker; this site uses neither
          // (its own dialog, Pagefind on the main thread), so they are not deployed.
          await Promise.all(UNUSED.map((name) => rm(`${site}pagefind/${name}`, { force: true })));
          logger.info(`indexed ${pages.page_count} page(s) and ${records.length} event/issue record(s)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
