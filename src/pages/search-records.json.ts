import type { APIRoute } from 'astro';
import { loadLibrary } from '../lib/library.ts';
import { searchRecords } from '../lib/search-records.ts';

/** Build-time only: consumed and deleted by the Pagefind integration. */
export const GET: APIRoute = async () => {
  const library = await loadLibrary();
  const articles = library.articles.map((a) => ({ slug: a.slug, title: a.entry.data.title, sections: a.sections.map((s) => s.data.id) }));
  return new Response(JSON.stringify(searchRecords(library.annotations, articles)));
};
