import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { basePath, contentDir, siteUrl } from './src/lib/env.ts';
import rehypeArticle from './src/lib/rehype-article.ts';
import rehypeStructure from './src/lib/rehype-structure.ts';
import remarkGfm from 'remark-gfm';
import { anchorContent, anchorProperties, sectionHeadGroup } from './src/lib/anchor.ts';
import { toString } from 'hast-util-to-string';
import pagefind from './integrations/pagefind.ts';
import cspHeaders from './integrations/csp-headers.ts';
import offline from './integrations/offline.ts';
import contentCheck from './integrations/content-check.ts';
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
    // The article page is readable from its first response: no stylesheet request to wait on.
    inlineStylesheets: 'always',
  },
  markdown: {
    // Sätteri (Astro 7's default) runs no remark/rehype plugins; unified does, and MDX inherits it.
    // GFM (tables, footnotes, strikethrough, task lists, autolinks) is declared here, not left
    // implicit; SmartyPants is off: the text is rendered exactly as the editor typed it.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [[remarkGfm, { singleTilde: false }]],
      rehypePlugins: [
        // First: section-prefixed ids for notes and sub-headings, which the next steps keep.
        rehypeStructure,
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            behavior: 'after',
            // A footnotes label is for screen readers only: it gets no visible anchor.
            test: (heading: { properties?: { className?: unknown } }) => !String(heading.properties?.className ?? '').includes('visually-hidden'),
            group: sectionHeadGroup,
            properties: (heading: Parameters<typeof toString>[0]) => anchorProperties(toString(heading)),
            content: anchorContent,
          },
        ],
        [rehypeArticle, { contentRoot: contentDir(process.env) }],
      ],
    }),
  },
  integrations: [
    // First: prose MDX would misread stops the build with line, column and fix.
    contentCheck(contentDir(process.env)),
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
