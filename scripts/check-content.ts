/**
 * `npm run check`: validate all content in seconds, without building pages, with the build's own
 * steps and messages:
 * 1. the content sync, in this process: every schema, as the build applies it, and the validated
 *    entries published to `content-registry.ts`;
 * 2. the cross-entry rules and figure checks over those entries (`content-records.ts`);
 * 3. prose MDX would misread (`mdx-pitfalls.ts`), then each section compiled by the build's own
 *    Markdown pipeline (`markdown.ts`): the marks, with every phrase that is missing, repeated
 *    or overlapping, and any other MDX error.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sync } from 'astro';
import { entriesOf } from '../src/lib/content-registry.ts';
import { annotationIndex, contentProblems, declaredFigures, inFileOrder, type ContentEntries } from '../src/lib/content-records.ts';
import { ContentError, formatProblem } from '../src/lib/content-rules.ts';
import { contentDir } from '../src/lib/env.ts';
import { contentCompiler } from '../src/lib/markdown.ts';
import { pitfallsIn } from '../src/lib/mdx-pitfalls.ts';

const root = contentDir(process.env);
const started = performance.now();

/** Astro's schema error as "file: field: message" lines, like every other problem here. */
function schemaProblems(error: Error & { loc?: { file?: string } }): string[] {
  const file = error.loc?.file ? relative(process.cwd(), error.loc.file) : 'schema';
  const fields = [...error.message.matchAll(/\*\*([^*\n]+)\*\*: ([^\n]+)/g)].map(([, field, message]) => `${file}: ${field}: ${message}`);
  return fields.length > 0 ? fields : [`${file}: ${error.message}`];
}

async function problems(): Promise<string[]> {
  try {
    await sync({ root: process.cwd(), logLevel: 'silent' });
  } catch (error) {
    return schemaProblems(error as Error & { loc?: { file?: string } });
  }
  // Validated by the schemas above: the shapes ContentEntries describes.
  const entries = {
    authors: entriesOf('authors'),
    articles: entriesOf('articles'),
    sections: entriesOf('sections'),
    events: entriesOf('events'),
    issues: entriesOf('issues'),
  } as unknown as ContentEntries;
  const found = contentProblems(entries).map(formatProblem);
  found.push(...declaredFigures(entries.articles, annotationIndex(entries)).problems.map(formatProblem));

  // Sections and author notes: every file the build compiles as Markdown or MDX.
  const files = [
    ...inFileOrder(entries.sections).map((s) => ({ file: s.filePath, frontmatter: { ...s.data, article: s.data.article.id } })),
    ...inFileOrder(entries.authors).map((a) => ({ file: a.filePath, frontmatter: a.data as Record<string, unknown> })),
  ].flatMap(({ file, frontmatter }) => (file ? [{ file, frontmatter }] : []));
  const compiler = await contentCompiler(pathToFileURL(`${process.cwd()}/src/`));
  for (const { file, frontmatter } of files) {
    const source = readFileSync(file, 'utf8');
    // Prose MDX would misread gets its own message, with line and fix; such a file is not compiled.
    const pitfalls = file.endsWith('.mdx') ? pitfallsIn(file, source) : [];
    found.push(...pitfalls);
    if (pitfalls.length > 0) continue;
    // As the MDX plugin does: the frontmatter blanked, so line numbers stay those of the file.
    const content = source.replace(/^---\r?\n[\s\S]*?\r?\n---/, (head) => head.replace(/[^\n]/g, ' '));
    try {
      await compiler.compile(content, file, frontmatter);
    } catch (error) {
      found.push(...(error instanceof ContentError ? error.problems.map(formatProblem) : [`${file}: ${(error as Error).message}`]));
    }
  }
  return found;
}

const found = await problems();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (found.length > 0) {
  console.error(`Content problems (${found.length}) in ${root}/:\n${found.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`${root}/ is valid (schemas, references, phrases, ids, collisions, figures) — checked in ${seconds} s.`);
process.exit(0);
