/**
 * The content folder read as plain files, for checks that run before (or without) a build:
 * MDX pitfalls in section prose, and the cross-entry rules of `src/lib/content-rules.ts` over
 * the raw frontmatter and YAML (the same rules, and messages, the build applies).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkContent, formatProblem, type AnnotationRecord, type SectionRecord } from '../src/lib/content-rules.ts';
import { mdxPitfallsInFile } from '../src/lib/mdx-pitfalls.ts';

function sectionFiles(root: string): string[] {
  const articles = join(root, 'articles');
  if (!existsSync(articles)) return [];
  return readdirSync(articles, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(articles, d.name)).filter((f) => /\.mdx?$/.test(f)).map((f) => join(articles, d.name, f)));
}

/** "file: line L, column C: "{": fix" for every MDX pitfall in the sections' prose. */
export function contentPitfalls(root: string): string[] {
  return sectionFiles(root).flatMap((file) =>
    mdxPitfallsInFile(readFileSync(file, 'utf8')).map((p) => `${file}: line ${p.line}, column ${p.column}: "${p.character}": ${p.fix}`),
  );
}

function yamlFiles(dir: string): Array<[string, Record<string, unknown>]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [join(dir, f), (parse(readFileSync(join(dir, f), 'utf8')) ?? {}) as Record<string, unknown>]);
}

const idOf = (file: string) => file.split('/').pop()!.replace(/\.(ya?ml|mdx?)$/, '');

/** The cross-entry rules over the raw files, as formatted problems. */
export function contentRuleProblems(root: string): string[] {
  const authors = existsSync(join(root, 'authors')) ? readdirSync(join(root, 'authors')).filter((f) => /\.mdx?$/.test(f)).map((f) => ({ id: idOf(f), file: join(root, 'authors', f) })) : [];
  const articleDirs = existsSync(join(root, 'articles')) ? readdirSync(join(root, 'articles')) : [];
  const articles = articleDirs.flatMap((slug) => {
    const file = ['article.yaml', 'article.yml'].map((n) => join(root, 'articles', slug, n)).find(existsSync);
    if (!file) return [];
    const data = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
    return [{ id: slug, file, author: String(data['author'] ?? '') }];
  });
  const sections: SectionRecord[] = sectionFiles(root).map((file) => {
    const source = readFileSync(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
    const data = (parse(match?.[1] ?? '') ?? {}) as Record<string, unknown>;
    return {
      file,
      id: String(data['id'] ?? ''),
      order: Number(data['order'] ?? 0),
      article: String(data['article'] ?? ''),
      aliases: Array.isArray(data['aliases']) ? data['aliases'].map(String) : [],
      body: match?.[2] ?? '',
    };
  });
  const annotation = (kind: 'event' | 'issue', folder: string, related: string) =>
    yamlFiles(join(root, folder)).map(([file, data]): AnnotationRecord => ({
      kind,
      id: idOf(file),
      file,
      related: Array.isArray(data[related]) ? (data[related] as unknown[]).map(String) : [],
      mentions: Array.isArray(data['mentions']) ? (data['mentions'] as AnnotationRecord['mentions']) : [],
    }));
  return checkContent({ authors, articles, sections, annotations: [...annotation('event', 'events', 'issues'), ...annotation('issue', 'issues', 'events')] }).map(formatProblem);
}
