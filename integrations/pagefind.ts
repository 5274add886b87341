/**
 * Builds the Pagefind index in the same `astro build`: the article pages' text (marked
 * `data-pagefind-body`), and the annotations' records, made here from the content
 * (`src/lib/search/records.ts`; the kinds table says where each kind is found). Any Pagefind
 * error fails the build.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { buildContent } from './content.ts';
import { ARTICLE_FILES } from '../src/lib/routing/routes.ts';
import { searchRecords } from '../src/lib/search/records.ts';
import { sortKey } from '../src/lib/content/dates.ts';

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
        const content = await buildContent();
        const sectionsOf = new Map<string, Array<{ id: string; order: number }>>();
        for (const { data } of content.sections) {
          const list = sectionsOf.get(data.article);
          if (list) list.push(data);
          else sectionsOf.set(data.article, [data]);
        }
        const oldestFirst = [...content.articles].sort((a, b) => sortKey(a.data.published).localeCompare(sortKey(b.data.published)) || a.id.localeCompare(b.id));
        const articles = oldestFirst.map((a) => ({ slug: a.id, title: a.data.title, sections: (sectionsOf.get(a.id) ?? []).sort((x, y) => x.order - y.order).map((s) => s.id) }));
        const records = searchRecords(content.annotations, articles);
        // The records as files, each naming its own URL: Pagefind reads a folder of them in one
        // call, where one call per record costs a round trip each.
        const folder = await mkdtemp(join(tmpdir(), 'long-reads-records-'));
        for (let at = 0; at < records.length; at += 64) {
          await Promise.all(records.slice(at, at + 64).map((record, i) => writeFile(join(folder, `${at + i}.html`), record.content)));
        }

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) fail('setup', errors);
        try {
          // Only the article pages hold indexed text: Pagefind reads those, not every page of the site.
          const indexed = await index.addDirectory({ path: site, glob: ARTICLE_FILES });
          if (indexed.errors.length) fail('indexing', indexed.errors);
          const added = await index.addDirectory({ path: folder });
          if (added.errors.length) fail('indexing the annotations', added.errors);
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) fail('writing', written.errors);
          // Pagefind also writes its own search UIs and a worker; this site uses neither
          // (its own dialog, Pagefind on the main thread), so they are not deployed.
          await Promise.all(UNUSED.map((name) => rm(`${site}pagefind/${name}`, { force: true })));
          logger.info(`indexed ${indexed.page_count} page(s) and ${added.page_count} annotation record(s)`);
        } finally {
          await pagefind.close();
          await rm(folder, { recursive: true, force: true });
        }
      },
    },
  };
}
