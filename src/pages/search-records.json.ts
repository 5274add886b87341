import type { APIRoute } from 'astro';
import { loadLibrary } from '../lib/library.ts';
import { searchRecords } from '../lib/search-records.ts';

/** Build-time only: consumed and deleted by the Pagefind integration. */
export const GET: APIRoute = async () => {
  const { annotations } = await loadLibrary();
  return new Response(JSON.stringify(searchRecords(annotations)));
};
