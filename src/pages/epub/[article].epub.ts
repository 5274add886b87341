/** Each article as an EPUB book (`/epub/<slug>.epub`), from the same route data as its page. */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import EpubText from '../../components/epub/EpubText.astro';
import { buildTime } from '../../lib/env.ts';
import { epub, EPUB_TYPE } from '../../lib/publish/epub.ts';
import { articleRoute } from '../../lib/routing/data.ts';
import { loadLibrary } from '../../lib/routing/library.ts';
import { SITE_LANGUAGE } from '../../lib/site.ts';

export const getStaticPaths = (async () => (await loadLibrary()).articles.map((article) => ({ params: { article: article.slug } }))) satisfies GetStaticPaths;

const PUBLIC = resolve('public');
/** A file the site serves from `public/` (an image a section shows), never one outside it. */
function publicFile(path: string): Uint8Array | undefined {
  const file = join(PUBLIC, path);
  if (!file.startsWith(PUBLIC + sep)) return undefined;
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

let container: Promise<AstroContainer> | undefined;
const modified = buildTime(process.env);

export const GET: APIRoute = async ({ params, site }) => {
  const route = articleRoute(await loadLibrary(), params.article!, site);
  const { header, head, contents, body, author, cite } = route;
  const html = await (await (container ??= AstroContainer.create())).renderToString(EpubText, { props: { header, body, author, cite } });
  const book = epub({
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
    siteFile: publicFile,
  });
  return new Response(book, { headers: { 'Content-Type': EPUB_TYPE } });
};
