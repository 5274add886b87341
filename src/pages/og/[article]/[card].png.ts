import type { APIRoute, GetStaticPaths } from 'astro';
import { loadLibrary } from '../../../lib/library.ts';
import { renderCard, type CardInput } from '../../../lib/og-card.ts';
import { SITE_NAME } from '../../../lib/site.ts';
import { sectionLabel } from '../../../lib/sections.ts';

/** One card per article (`article.png`) and one per titled or untitled section (`<section-id>.png`). */
export const getStaticPaths = (async () => {
  const { articles } = await loadLibrary();
  return articles.flatMap((article) => {
    const base: CardInput = {
      siteName: SITE_NAME,
      articleTitle: article.entry.data.title,
      author: article.author.data.name,
      publisher: article.entry.data.publisher,
    };
    return [
      { params: { article: article.slug, card: 'article' }, props: { card: base } },
      ...article.sections.map((section) => ({
        params: { article: article.slug, card: section.data.id },
        props: { card: { ...base, sectionTitle: sectionLabel(section.data) } },
      })),
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardInput }> = async ({ props }) =>
  new Response(Buffer.from(await renderCard(props.card)), { headers: { 'content-type': 'image/png' } });
