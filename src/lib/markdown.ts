/**
 * The Markdown pipeline every section goes through, defined once: the build (`astro.config.ts`)
 * and `npm run check` compile sections with this same processor, so they mark the same words and
 * report the same mistakes.
 */
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { toString } from 'hast-util-to-string';
import { anchorContent, anchorProperties, sectionHeadGroup } from './anchor.ts';
import rehypeArticle from './rehype-article.ts';
import rehypeStructure from './rehype-structure.ts';

// Sätteri (Astro 7's default) runs no remark/rehype plugins; unified does, and MDX inherits it.
// GFM (tables, footnotes, strikethrough, task lists, autolinks) is declared here, not left
// implicit; SmartyPants is off: the text is rendered exactly as the editor typed it.
export const markdownProcessor = unified({
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
    rehypeArticle,
  ],
});

/**
 * The MDX compiler the build's MDX plugin makes from this processor, for compiling sections
 * outside a build (`npm run check`, tests): same plugins, same options.
 */
export async function sectionCompiler(srcDir: URL) {
  if (!markdownProcessor.createMdxRenderer) throw new Error('the unified processor cannot compile MDX');
  return markdownProcessor.createMdxRenderer({}, { optimize: false, srcDir });
}
