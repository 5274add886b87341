/**
 * Builds the Pagefind index in the same `astro build`: the article pages' text (marked
 * `data-pagefind-body`), read from a copy that keeps only the ids results use
 * (`src/lib/search/anchors.ts`), and the annotations' records, made here from the content
 * (`src/lib/search/records.ts`; the kinds table says where each kind is found). Any Pagefind
 * error fails the build.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { buildContent } from './content.ts';
import { routes, withoutBase } from '../src/lib/routing/routes.ts';
import { withSearchAnchorsOnly } from '../src/lib/search/anchors.ts';
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

/** `work` over `items`, 64 at a time: files read and written together, without opening thousands at once. */
async function inBatches<T>(items: readonly T[], work: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < items.length; at += 64) await Promise.all(items.slice(at, at + 64).map((item, i) => work(item, at + i)));
}

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
        const articles = content.articles.map((a) => ({ slug: a.id, title: a.data.title, published: a.data.published, sections: (sectionsOf.get(a.id) ?? []).sort((x, y) => x.order - y.order).map((s) => s.id) }));
        const records = searchRecords(content.annotations, articles);
        // What Pagefind reads, as files: it reads a folder in one call, where one call per page
        // costs a round trip each. The records each name their own URL; the pages are where the
        // site has them, so their URLs are the site's.
        const work = await mkdtemp(join(tmpdir(), 'long-reads-search-'));
        const [pages, folder] = [join(work, 'pages'), join(work, 'records')];
        try {
          await mkdir(folder, { recursive: true });
          // Only the article pages hold indexed text: Pagefind reads those, not every page of the site.
          await inBatches(articles, async ({ slug }) => {
            const file = `${withoutBase(routes.article(slug))}index.html`;
            await mkdir(dirname(join(pages, file)), { recursive: true });
            // As Latin-1, one character a byte: the bytes pass through unchanged, and neither
            // decoding nor encoding UTF-8 (which took most of the copy's time) is needed.
            await writeFile(join(pages, file), withSearchAnchorsOnly(await readFile(join(site, file), 'latin1')), 'latin1');
          });
          await inBatches(records, (record, i) => writeFile(join(folder, `${i}.html`), record.content));

          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) fail('setup', errors);
          const indexed = await index.addDirectory({ path: pages });
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
          await rm(work, { recursive: true, force: true });
        }
      },
    },
  };
}
