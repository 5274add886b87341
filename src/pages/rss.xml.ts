import { routes } from '../lib/routing/routes.ts';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadLibrary } from '../lib/routing/library.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadLibrary();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: site!,
    // No pubDate: the sources give only a month, and RSS dates are full days.
    items: articles.map(({ slug, data, author }) => ({
      title: data.title,
      link: routes.article(slug),
      description: data.description,
      author: author.data.name,
      categories: [data.publisher],
    })),
  });
};
