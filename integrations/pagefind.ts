/**
 * Builds the Pagefind index in the same `astro build`: HTML pages marked `data-pagefind-body`
 * (the article text), one record per issue and one HTML record of event cards per page that shows
 * them, read from the build's own `search-records.json` (made from the checked content by
 * `src/pages/search-records.json.ts`, then removed so it is not deployed). Any Pagefind error
 * fails the build.
 */
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { ARTICLE_FILES } from '../src/lib/routes.ts';
import { SEARCH_RECORDS_FILE, type SearchIndexInput } from '../src/lib/search-records.ts';

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
        const { records, pages: eventPages } = JSON.parse(await readFile(recordsPath, 'utf8')) as SearchIndexInput;
        await rm(recordsPath);

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) fail('setup', errors);
        try {
          // Only the article pages hold indexed text: Pagefind reads those, not every page of the site.
          const articles = await index.addDirectory({ path: site, glob: ARTICLE_FILES });
          if (articles.errors.length) fail('indexing', articles.errors);
          for (const record of records) {
            const added = await index.addCustomRecord({ ...record, language: 'en' });
            if (added.errors.length) fail(`indexing ${record.url}`, added.errors);
          }
          for (const page of eventPages) {
            const added = await index.addHTMLFile(page);
            if (added.errors.length) fail(`indexing ${page.url}`, added.errors);
          }
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) fail('writing', written.errors);
          // Pagefind also writes its own search UIs and a worker; this site uses neither
          // (its own dialog, Pagefind on the main thread), so they are not deployed.
          await Promise.all(UNUSED.map((name) => rm(`${site}pagefind/${name}`, { force: true })));
          logger.info(`indexed ${articles.page_count} page(s), ${eventPages.length} page(s) of events and ${records.length} issue(s)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
