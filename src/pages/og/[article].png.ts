import type { APIRoute, GetStaticPaths } from 'astro';
import { loadLibrary } from '../../lib/routing/library.ts';
import { renderCard, type CardInput } from '../../lib/publish/card.ts';
import { SITE_NAME } from '../../lib/site.ts';

/** One card per article; its sections' share pages show it too (one per section would not scale). */
export const getStaticPaths = (async () => {
  const { articles } = await loadLibrary();
  return articles.map((article) => ({
    params: { article: article.slug },
    props: {
      card: {
        siteName: SITE_NAME,
        articleTitle: article.data.title,
        author: article.author.data.name,
        publisher: article.data.publisher,
      } satisfies CardInput,
    },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardInput }> = async ({ props }) =>
  new Response(Buffer.from(await renderCard(props.card)), { headers: { 'content-type': 'image/png' } });
