/**
 * Before anything is compiled: prose that MDX would read as code (a raw `{` or `<`) stops the
 * build with the file, line, column, character and fix (`src/lib/mdx-pitfalls.ts`), rather than
 * a parser error pointing at the end of the paragraph. The MDX files are those the content
 * collections loaded, sections and author notes (the sync runs before this hook).
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { entriesOf } from '../src/lib/content-registry.ts';
import { pitfallMessages } from '../src/lib/mdx-pitfalls.ts';
import { ContentError, formatProblem } from '../src/lib/content-rules.ts';
import { contentCompiler } from '../src/lib/markdown.ts';

export default function contentCheckIntegration(): AstroIntegration {
  let srcDir: URL;
  return {
    name: 'reader:content-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        srcDir = config.srcDir;
      },
      'astro:build:start': async () => {
        const files = ['sections', 'authors'].flatMap((collection) => entriesOf(collection).flatMap((e) => (e.filePath?.endsWith('.mdx') ? [e.filePath] : [])));
        const problems = pitfallMessages(files);
        // The content layer renders Markdown sections as it loads them and only logs a failure
        // (once: it keeps the entry): a section it could not render stops the build, with why.
        const compiler = await contentCompiler(srcDir);
        for (const section of entriesOf('sections')) {
          if (!section.filePath?.endsWith('.md') || section.rendered !== undefined) continue;
          try {
            await compiler.compile(readFileSync(section.filePath, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---/, (head) => head.replace(/[^\n]/g, ' ')), section.filePath, section.data);
            problems.push(`${section.filePath}: body: could not be rendered: fix it and build again`);
          } catch (error) {
            problems.push(...(error instanceof ContentError ? error.problems.map(formatProblem) : [`${section.filePath}: ${(error as Error).message}`]));
          }
        }
        if (problems.length > 0) {
          throw new Error(`Content problems (${problems.length}); the build stops so nothing is published wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
      },
    },
  };
}
