/** Each article as an EPUB book (`/epub/<slug>.epub`), from the same route data as its page. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { Piscina } from 'piscina';
import EpubText from '../../components/epub/EpubText.astro';
import { buildTime } from '../../lib/env.ts';
import { EPUB_TYPE } from '../../lib/publish/epub.ts';
import type { EpubJob } from '../../lib/publish/epub-worker.ts';
import { articleRoute } from '../../lib/routing/data.ts';
import { loadLibrary } from '../../lib/routing/library.ts';
import { SITE_LANGUAGE } from '../../lib/site.ts';

export const getStaticPaths = (async () => (await loadLibrary()).articles.map((article) => ({ params: { article: article.slug } }))) satisfies GetStaticPaths;

let container: Promise<AstroContainer> | undefined;
/**
 * One thread beside the one rendering pages makes the books (the XHTML and the zip are most of
 * a book's cost); it ends when idle, so the build ends with the pages. Found from the project
 * root, where every build runs: the endpoint itself is bundled elsewhere.
 */
let pool: Piscina | undefined;
const modified = buildTime(process.env);

export const GET: APIRoute = async ({ params, site }) => {
  const route = articleRoute(await loadLibrary(), params.article!, site);
  const { header, head, contents, body, author, cite } = route;
  const html = await (await (container ??= AstroContainer.create())).renderToString(EpubText, { props: { header, body, author, cite } });
  pool ??= new Piscina({ filename: resolve('src/lib/publish/epub-worker.ts'), maxThreads: availableParallelism(), minThreads: 0, idleTimeout: 1000 });
  const job: EpubJob = {
    title: header.title,
    author: header.author,
    publisher: header.publisher,
    published: header.published,
    language: SITE_LANGUAGE,
    description: head.description,
    edition: cite.edition,
    original: header.original,
    modified,
    html,
    contents,
    publicDir: resolve('public'),
  };
  const book = (await pool.run(job)) as Uint8Array<ArrayBuffer>;
  return new Response(book, { headers: { 'Content-Type': EPUB_TYPE } });
};
