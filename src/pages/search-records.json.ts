import type { APIRoute } from 'astro';
import { loadLibrary } from '../lib/library.ts';
import { searchRecords } from '../lib/search-records.ts';

/** Build-time only: consumed and deleted by the Pagefind integration. */
export const GET: APIRoute = async () => {
  const library = await loadLibrary();
  const titleOf = (slug: string) => library.article(slug)?.entry.data.title ?? slug;
  return new Response(JSON.stringify(searchRecords(library.annotations, titleOf)));
};
