/**
 * Before anything is compiled: prose that MDX would read as code (a raw `{` or `<`) stops the
 * build with the file, line, column, character and fix (`src/lib/mdx-pitfalls.ts`), rather than
 * a parser error pointing at the end of the paragraph. The section files are those the content
 * collections loaded (the sync runs before this hook).
 */
import type { AstroIntegration } from 'astro';
import { entriesOf } from '../src/lib/content-registry.ts';
import { pitfallMessages } from '../src/lib/mdx-pitfalls.ts';

export default function contentCheckIntegration(): AstroIntegration {
  return {
    name: 'reader:content-check',
    hooks: {
      'astro:build:start': () => {
        const problems = pitfallMessages(entriesOf('sections').flatMap((s) => (s.filePath ? [s.filePath] : [])));
        if (problems.length > 0) {
          throw new Error(`Content problems (${problems.length}); the build stops so nothing is published wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
      },
    },
  };
}
