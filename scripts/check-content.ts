/**
 * `npm run check`: validate all content in seconds, without building pages. It is the build's own
 * content layer (`src/lib/content/publication.ts`), run in this process by Astro's `sync`: every
 * schema, the cross-entry rules and figure checks, and every section and author note compiled by
 * the one Markdown pipeline (where every phrase is found, or found missing, repeated or
 * overlapping). Same problems, same messages, as the build.
 */
import { sync } from 'astro';
import { contentDir } from '../src/lib/env.ts';

const root = contentDir(process.env);
const started = performance.now();

/** The problems in a failed sync's message: "file: field: message" lines, as the content layer writes them. */
function problemsIn(error: Error): string[] {
  const lines = error.message.split('\n').filter((line) => /^\s+- /.test(line)).map((line) => line.replace(/^\s+- /, ''));
  return lines.length > 0 ? lines : [error.message];
}

try {
  await sync({ root: process.cwd(), logLevel: 'silent' });
} catch (error) {
  const found = problemsIn(error as Error);
  console.error(`Content problems (${found.length}) in ${root}/:\n${found.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${root}/ is valid (schemas, references, phrases, ids, collisions, figures) — checked in ${seconds} s.`);
process.exit(0);
