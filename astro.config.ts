import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { basePath, contentDir, siteUrl } from './src/lib/env.ts';
import { markdownProcessor } from './src/lib/markdown.ts';
import pagefind from './integrations/pagefind.ts';
import cspHeaders from './integrations/csp-headers.ts';
import offline from './integrations/offline.ts';
import contentCheck from './integrations/content-check.ts';
import devReload from './integrations/dev-reload.ts';
import { OFFLINE_PAGE } from './src/lib/offline.ts';
import { withoutBase } from './src/lib/routes.ts';

export default defineConfig({
  site: siteUrl(process.env),
  // BASE_PATH: serve the publication from a folder of a larger site (every URL goes through src/lib/routes.ts).
  base: basePath(process.env),
  trailingSlash: 'always',
  // Each content folder (the real one, test fixtures) gets its own content-layer cache, so
  // builds of different folders never read each other's data store.
  cacheDir: `./node_modules/.astro-cache/${contentDir(process.env).replaceAll(/[^a-z0-9]+/gi, '_')}`,
  security: {
    // A CSP <meta> on every page with hashes for Astro's inline styles; no inline scripts at all.
    // 'self' must be listed because `resources` replaces Astro's default; Pagefind's wasm needs
    // 'wasm-unsafe-eval'. The build copies this policy, plus what a meta tag cannot carry, into _headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  build: {
    // One stylesheet, cached for a year (its name is its content's hash), instead of the same
    // 10 KB inlined into every page: at thousands of pages that was a fifth of the deploy.
    inlineStylesheets: 'never',
    // Four pages at a time: share cards are drawn by sharp off the main thread while other pages
    // render (measured: a clean 100-article build 18.4 s at 2, 15.3 s at 4).
    concurrency: 4,
  },
  markdown: {
    // One pipeline for the build and `npm run check`: src/lib/markdown.ts.
    processor: markdownProcessor,
  },
  integrations: [
    // First: prose MDX would misread stops the build with line, column and fix.
    contentCheck(),
    devReload(contentDir(process.env)),
    mdx(),
    sitemap({
      // Share pages (/<article>/<section>/) point their canonical at the article: leave them out,
      // and the offline page. Issue pages (/issues/<id>/) stay.
      filter: (page) => {
        const path = withoutBase(new URL(page).pathname, basePath(process.env));
        return (!/^\/[^/]+\/[^/]+\/$/.test(path) || path.startsWith('/issues/')) && path !== OFFLINE_PAGE;
      },
    }),
    pagefind(),
    // After Pagefind: the worker keeps the search index it wrote.
    offline(),
    cspHeaders(),
  ],
});
