/**
 * Each article as an EPUB book (`/epub/<slug>.epub`), from the same route data as its page. A
 * rebuild reuses the book of an article whose route data is unchanged (`bookKey`), as Astro
 * reuses its page: neither rendered nor zipped again.
 */
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
import { articleKey, bookKey, folderVersion } from '../../lib/routing/page-keys.ts';
import { SITE_LANGUAGE } from '../../lib/site.ts';

const modified = buildTime(process.env);
/** Found from the project root, where every build runs: the endpoint itself is bundled elsewhere. */
const publicDir = resolve('public');
const publicFiles = folderVersion(publicDir);

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.articles.map((article) => ({ params: { article: article.slug }, cacheKey: bookKey(articleKey(library, article.slug), publicFiles, modified, process.env) }));
}) satisfies GetStaticPaths;

let container: Promise<AstroContainer> | undefined;
/**
 * Threads, one a core, make the books (the XHTML and the zip are most of a book's cost) while
 * this one renders pages; they end when idle, so the build ends with the pages.
 */
let pool: Piscina | undefined;

export const GET: APIRoute = async ({ params, site }) => {
  const { header, head, contents, body, author, cite } = articleRoute(await loadLibrary(), params.article!, site);
  const rendered = await (await (container ??= AstroContainer.create())).renderToResponse(EpubText, { props: { header, body, author, cite } });
  const html = new Uint8Array(await rendered.arrayBuffer());
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
    publicDir,
  };
  return new Response((await pool.run(job, { transferList: [html.buffer] })) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': EPUB_TYPE } });
};
