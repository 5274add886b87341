/**
 * Builds the Pagefind index in the same `astro build`: the article pages' text (marked
 * `data-pagefind-body`), and a record for each annotation, made here from the content
 * (`src/lib/search/records.ts`; the kinds table says where each kind is found). Any Pagefind
 * error fails the build.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readPublication } from '../src/lib/content/read.ts';
import { contentDir } from '../src/lib/env.ts';
import { ARTICLE_FILES } from '../src/lib/routing/routes.ts';
import { searchRecords } from '../src/lib/search/records.ts';

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
        const content = await readPublication(contentDir(process.env));
        const articles = content.articles.map((a) => ({
          slug: a.id,
          title: a.data.title,
          sections: content.sections.filter((s) => s.data.article === a.id).sort((x, y) => x.data.order - y.data.order).map((s) => s.data.id),
        }));
        const { records, pages } = searchRecords(content.annotations, articles);

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) fail('setup', errors);
        try {
          // Only the article pages hold indexed text: Pagefind reads those, not every page of the site.
          const indexed = await index.addDirectory({ path: site, glob: ARTICLE_FILES });
          if (indexed.errors.length) fail('indexing', indexed.errors);
          for (const record of records) {
            const added = await index.addCustomRecord({ ...record, language: 'en' });
            if (added.errors.length) fail(`indexing ${record.url}`, added.errors);
          }
          for (const page of pages) {
            const added = await index.addHTMLFile(page);
            if (added.errors.length) fail(`indexing ${page.url}`, added.errors);
          }
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) fail('writing', written.errors);
          // Pagefind also writes its own search UIs and a worker; this site uses neither
          // (its own dialog, Pagefind on the main thread), so they are not deployed.
          await Promise.all(UNUSED.map((name) => rm(`${site}pagefind/${name}`, { force: true })));
          logger.info(`indexed ${indexed.page_count} page(s), ${pages.length} page(s) of cards and ${records.length} annotation record(s)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
