import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { resolve, sep } from 'node:path';
import { astroCacheDir, basePath, contentDir, siteUrl, siteUrlWarning } from './src/lib/env.ts';
import cards from './integrations/cards.ts';
import pagefind from './integrations/pagefind.ts';
import cspHeaders from './integrations/csp-headers.ts';
import offline from './integrations/offline.ts';
import previousOutput from './integrations/previous-output.ts';
import { ANNOTATION_KINDS, KINDS } from './src/lib/content/kinds.ts';
import { OFFLINE_PAGE } from './src/lib/publish/offline.ts';
import { withoutBase } from './src/lib/routing/routes.ts';

const content = resolve(contentDir(process.env));
const SCRATCH = ['.tmp', 'dist'].map((folder) => resolve(folder));
const isWithin = (path: string, folder: string) => {
  const full = resolve(path);
  return full === folder || full.startsWith(folder + sep);
};

export default defineConfig({
  site: siteUrl(process.env),
  // BASE_PATH: serve the publication from a folder of a larger site (every URL goes through src/lib/routes.ts).
  base: basePath(process.env),
  trailingSlash: 'always',
  cacheDir: astroCacheDir(process.env),
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
    // Four pages at a time: rendering waits on file writes, which overlap (measured at 1,000
    // articles, cards cached: pages 38.7 s at 1, 25.7 s at 4, 25.7 s at 8, 28.3 s at 16).
    concurrency: 4,
  },
  vite: {
    plugins: [
      {
        // A script loaded on first use (highlights, the search dialog) imports what it needs
        // itself. Vite's preloading added a <link rel=modulepreload> for each chunk it imports,
        // the entry script included, which Firefox reported as failing to load. (Vite still wraps
        // each dynamic import in its helper, now with nothing to preload.) Astro sets the browser
        // build's preloading itself: this hook, for that build alone, comes after.
        name: 'reader:no-module-preload',
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
    ],
    // `npm run dev` watches the project; the folders the builds, tests and benchmarks write are
    // not the site's sources. With a 1,000-article benchmark in `.tmp/`, watching them ran the
    // machine out of file watchers and the dev server took 90 s to start. Content read from one
    // of them (CONTENT_DIR, as the tests and benchmarks do) is still watched.
    server: { watch: { ignored: [(path: string) => !isWithin(path, content) && SCRATCH.some((folder) => isWithin(path, folder))] } },
  },
  experimental: { incrementalBuild: true },
  markdown: {
    // Astro renders no Markdown itself: the content layer compiles every section and note with
    // the one pipeline (src/lib/markdown/pipeline.ts), which highlights nothing.
    syntaxHighlight: false,
  },
  integrations: [
    {
      // A build for a host that gives no address says, in one line, how to set it.
      name: 'reader:site-url',
      hooks: { 'astro:build:start': ({ logger }) => void (siteUrlWarning(process.env) && logger.warn(siteUrlWarning(process.env)!)) },
    },
    sitemap({
      // Share pages (/<article>/<section>/) point their canonical at the article: leave them out,
      // and the offline page. An annotation's own page (/issues/<id>/) stays.
      filter: (page) => {
        const path = withoutBase(new URL(page).pathname, basePath(process.env));
        const share = /^\/[^/]+\/[^/]+\/$/.test(path) && !KINDS.some((kind) => path.startsWith(`/${ANNOTATION_KINDS[kind].collection}/`));
        return !share && path !== OFFLINE_PAGE;
      },
    }),
    cards(),
    pagefind(),
    // After the cards and Pagefind: the worker's plan names every file they wrote.
    offline(),
    cspHeaders(),
    // Last: the old output is deleted while the others' work is done, and waited for after it.
    previousOutput(),
  ],
});
