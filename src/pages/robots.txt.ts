import { withBase } from '../lib/routing/routes.ts';
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${withBase('/')}\n\nSitemap: ${new URL(withBase('/sitemap-index.xml'), site).href}\n`);
