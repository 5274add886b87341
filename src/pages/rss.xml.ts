import { routes } from '../lib/routes.ts';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadLibrary } from '../lib/library.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadLibrary();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: site!,
    // No pubDate: the sources give only a month, and RSS dates are full days.
    items: articles.map(({ slug, entry, author }) => ({
      title: entry.data.title,
      link: routes.article(slug),
      description: entry.data.description,
      author: author.data.name,
      categories: [entry.data.publisher],
    })),
  });
};
