/**
 * The Markdown pipeline every section goes through, defined once: the build (`astro.config.ts`)
 * and `npm run check` compile sections with this same processor, so they mark the same words and
 * report the same mistakes. Compiled sections are kept in the build cache (`build-cache.ts`),
 * keyed by everything that shapes them, so a rebuild compiles only what changed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { toString } from 'hast-util-to-string';
import { anchorContent, anchorProperties, sectionHeadGroup } from './anchor.ts';
import { cacheKey, readCached, writeCached } from './build-cache.ts';
import { notesBeforeInCollections } from './footnotes.ts';
import remarkContentGuard from './content-guard.ts';
import rehypeArticle, { mentionsFromCollections } from './rehype-article.ts';
import rehypeStructure from './rehype-structure.ts';

// Sätteri (Astro 7's default) runs no remark/rehype plugins; unified does, and MDX inherits it.
// GFM (tables, footnotes, strikethrough, task lists, autolinks) is declared here, not left
// implicit; SmartyPants is off: the text is rendered exactly as the editor typed it.
const pipeline = unified({
  gfm: false,
  smartypants: false,
  // First: refuse anything in a content file that would be code (content-guard.ts).
  remarkPlugins: [remarkContentGuard, [remarkGfm, { singleTilde: false }]],
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

type MdxRenderer = Awaited<ReturnType<NonNullable<typeof pipeline.createMdxRenderer>>>;

let codeVersion: Promise<string> | undefined;

/** The code that shapes a compiled section: this folder's modules and every installed package's version. */
function pipelineCode(): Promise<string> {
  codeVersion ??= (async () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const modules = (await readdir(dir)).filter((name) => name.endsWith('.ts')).sort();
    const sources = await Promise.all(modules.map((name) => readFile(`${dir}${name}`, 'utf8')));
    return cacheKey([modules, sources, await readFile('package-lock.json', 'utf8')]);
  })();
  return codeVersion;
}

/** A compiler that keeps what it compiles, keyed by a section's source and everything else it depends on. */
function keeping(renderer: MdxRenderer): MdxRenderer {
  return {
    async process(content, filePath, frontmatter) {
      const id = frontmatter['id'];
      const article = frontmatter['article'];
      const order = frontmatter['order'];
      // What the collections put into this section: the mentions it marks and the notes before it.
      const collections =
        typeof id === 'string' && typeof article === 'string'
          ? [mentionsFromCollections(article, id), typeof order === 'number' ? notesBeforeInCollections(article, order) : 0]
          : [];
      const key = cacheKey([await pipelineCode(), filePath, content, frontmatter, collections]);
      const kept = await readCached('sections', key, 'json');
      if (kept) return JSON.parse(kept.toString('utf8')) as Awaited<ReturnType<MdxRenderer['process']>>;
      const compiled = await renderer.process(content, filePath, frontmatter);
      await writeCached('sections', key, 'json', JSON.stringify(compiled));
      return compiled;
    },
  };
}

export const markdownProcessor: typeof pipeline = {
  ...pipeline,
  async createMdxRenderer(shared, mdx) {
    return keeping(await pipeline.createMdxRenderer!(shared, mdx));
  },
};

/**
 * A compiler for content files outside a build (`npm run check`, tests), as the build compiles
 * them: `.mdx` with the MDX compiler the build's MDX plugin makes from this processor (same
 * plugins, options and cache), `.md` with the processor's Markdown renderer.
 */
export async function contentCompiler(srcDir: URL) {
  if (!markdownProcessor.createMdxRenderer) throw new Error('the unified processor cannot compile MDX');
  const mdx = await markdownProcessor.createMdxRenderer({}, { optimize: false, srcDir });
  const markdown = await markdownProcessor.createRenderer({});
  return {
    /** Compile one file's body (frontmatter blanked, so line numbers are the file's) with its frontmatter. */
    compile: async (body: string, filePath: string, frontmatter: Record<string, unknown>): Promise<string> =>
      filePath.endsWith('.mdx')
        ? (await mdx.process(body, filePath, frontmatter)).code
        : (await markdown.render(body, { frontmatter, fileURL: pathToFileURL(filePath) })).code,
  };
}

/** The MDX compiler alone, for tests that read what it exports. */
export async function sectionCompiler(srcDir: URL) {
  if (!markdownProcessor.createMdxRenderer) throw new Error('the unified processor cannot compile MDX');
  return markdownProcessor.createMdxRenderer({}, { optimize: false, srcDir });
}
