/**
 * Before anything is compiled: prose that MDX would read as code (a raw `{` or `<`) stops the
 * build with the file, line, column, character and fix (`src/lib/mdx-pitfalls.ts`), rather than
 * a parser error pointing at the end of the paragraph.
 */
import type { AstroIntegration } from 'astro';
import { contentPitfalls } from '../scripts/content-files.ts';

export default function contentCheckIntegration(contentRoot: string): AstroIntegration {
  return {
    name: 'reader:content-check',
    hooks: {
      'astro:build:start': () => {
        const problems = contentPitfalls(contentRoot);
        if (problems.length > 0) {
          throw new Error(`Content problems (${problems.length}); the build stops so nothing is published wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
      },
    },
  };
}
