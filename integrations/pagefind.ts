/**
 * Builds the Pagefind index in the same `astro build`, while the pages render: the article pages'
 * text (marked `data-pagefind-body`), from a copy that keeps only the ids results use
 * (`src/lib/search/anchors.ts`), and the annotations' records, made here from the content
 * (`src/lib/search/records.ts`; the kinds table says where each kind is found). Any Pagefind
 * error fails the build.
 *
 * Each article page goes to the index as Astro renders it: the integration watches Astro's
 * prerenderer (its extension point for rendering pages; here the default one) and hands the page
 * to a thread of its own (`pagefind-worker.ts`), which indexes it at the lowest priority in the
 * time page rendering, on one thread, leaves a core idle. (Pagefind used to read the pages from
 * the output folder once all were written: a tenth of a 1,000-article build, with nothing else
 * running.) A page Astro reuses from its incremental cache is not rendered: the thread reads
 * those from the output folder at the end.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { buildContent } from './content.ts';
import type { Indexed, ToIndex } from './pagefind-worker.ts';
import { routes, withoutBase } from '../src/lib/routing/routes.ts';
import { searchRecords } from '../src/lib/search/records.ts';

/** Pagefind also writes its own search UIs and a worker; this site uses neither (its own dialog, Pagefind on the main thread), so they are not deployed. */
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

/** One build's index: its thread, and the article pages it is to hold (by their address as requested, with the base path, to their site path). */
class SearchIndex {
  readonly #thread = new Worker(new URL('./pagefind-worker.ts', import.meta.url));
  readonly #answer: Promise<Indexed>;
  readonly #articles: Promise<Map<string, string>>;

  constructor() {
    this.#answer = new Promise<Indexed>((ok, fail) => {
      this.#thread.once('message', ok);
      this.#thread.once('error', fail);
      this.#thread.once('exit', (code) => fail(new Error(`the search index's thread stopped (exit code ${code})`)));
    });
    // A failure is reported when the build is done; this keeps it from going unhandled before.
    this.#answer.catch(() => undefined);
    // Waited for when the build is done, not before: a build that fails earlier is not kept running by it.
    this.#thread.unref();
    const content = buildContent();
    this.#articles = content.then(({ articles }) => new Map(articles.map((a) => [routes.article(a.id), withoutBase(routes.article(a.id))])));
    this.#articles.catch(() => undefined);
    content.then(
      (content) => {
        const sectionsOf = new Map<string, Array<{ id: string; order: number }>>();
        for (const { data } of content.sections) {
          const list = sectionsOf.get(data.article);
          if (list) list.push(data);
          else sectionsOf.set(data.article, [data]);
        }
        const articles = content.articles.map((a) => ({ slug: a.id, title: a.data.title, published: a.data.published, sections: (sectionsOf.get(a.id) ?? []).sort((x, y) => x.order - y.order).map((s) => s.id) }));
        this.#send({ type: 'records', records: searchRecords(content.annotations, articles) });
      },
      () => undefined,
    );
  }

  #send(message: ToIndex, transfer: ArrayBuffer[] = []): void {
    this.#thread.postMessage(message, transfer);
  }

  /** Astro's prerenderer, `base`, handing each article page it renders to the index on the way. */
  prerenderer(base: AstroPrerenderer): AstroPrerenderer {
    return {
      name: 'reader:pagefind',
      setup: () => base.setup?.() ?? Promise.resolve(),
      getStaticPaths: () => base.getStaticPaths(),
      render: async (request, options) => {
        const rendered = await base.render(request, options);
        const url = (await this.#articles).get(new URL(request.url).pathname);
        if (url === undefined) return rendered;
        const response = rendered instanceof Response ? rendered : rendered.response;
        const bytes = new Uint8Array(await response.arrayBuffer());
        const html = bytes.slice();
        this.#send({ type: 'page', url, html }, [html.buffer]);
        const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
        return rendered instanceof Response ? copy : { ...rendered, response: copy };
      },
      ...(base.collectStaticImages && { collectStaticImages: () => base.collectStaticImages!() }),
      teardown: () => base.teardown?.() ?? Promise.resolve(),
    };
  }

  /** Write the index into `site`, once the article pages not rendered (reused) are read from it. */
  async write(site: string): Promise<{ pages: number; records: number }> {
    this.#thread.ref();
    this.#send({ type: 'write', site, articles: [...(await this.#articles).values()], unused: UNUSED });
    const answer = await this.#answer;
    await this.#thread.terminate();
    if (!answer.ok) throw new Error(`Pagefind ${answer.step} failed:\n  - ${answer.errors.join('\n  - ')}`);
    return answer;
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let index: SearchIndex | undefined;
  return {
    name: 'reader:pagefind',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        index = new SearchIndex();
        // Astro keeps one prerenderer, the last one set: this static site has no adapter to set another.
        setPrerenderer((base) => index!.prerenderer(base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, records } = await index!.write(fileURLToPath(dir));
        index = undefined;
        logger.info(`indexed ${pages} page(s) and ${records} annotation record(s)`);
      },
    },
  };
}
