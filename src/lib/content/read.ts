/**
 * The content files as an editor arranges them, read and parsed (YAML, frontmatter), not yet
 * validated. The content layer (`publication.ts`) and the build steps that are not pages (the
 * search index, the preview cards) read content through this one module, so they see the same entries.
 *
 *   content/authors/<id>.mdx                 name (frontmatter) and the author note
 *   content/articles/<slug>/article.yaml     the article's metadata
 *   content/articles/<slug>/NN-<id>.mdx      one section: frontmatter, then its words
 *   content/<collection>/<id>.yaml           one annotation, of the kind whose collection it is
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import type { AnnotationItem } from './cross-reference.ts';
import { ANNOTATION_KINDS, KINDS } from './kinds.ts';
import type { Problem } from './rules.ts';
import { COLLECTION_SCHEMAS, type ArticleData, type AuthorData, type SectionData } from './schemas.ts';

export const COLLECTIONS = ['authors', 'articles', 'sections', ...KINDS.map((kind) => ANNOTATION_KINDS[kind].collection)] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** One file of a collection, parsed. */
export interface SourceFile {
  /** The entry's id in its collection: the file's name, or for sections `<article folder>/<file name>`. */
  id: string;
  /** The path as messages name it: relative to the project. */
  file: string;
  /** Its YAML, or its frontmatter: unvalidated. */
  data: unknown;
  /** A Markdown file's words, after the frontmatter. */
  body?: string;
  /** How many lines of the file come before the body, so messages name the file's own lines. */
  bodyLine?: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * YAML as editors expect it (js-yaml: a tenth of the time of the alternatives, which counts at
 * thousands of files), with one catch made visible: an unquoted date (2018-10-19) is read as a
 * date, not as text, so the schema can say to quote it (a date's precision is in its text).
 */
const parse = (text: string): unknown => load(text) ?? {};
const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * A folder's names, and below a file's text, read synchronously: at thousands of files a
 * promise's round trips through the thread pool cost more than the reading (measured at 10,000
 * articles, 64 at a time with promises: twice the time and twice the CPU).
 */
function list(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir).filter((name) => pattern.test(name)).sort();
  } catch {
    return [];
  }
}

function parsed(path: string, id: string, source: string, markdown: boolean): { file: SourceFile } | { problem: Problem } {
  const file = relative(process.cwd(), path) || path;
  try {
    if (!markdown) return { file: { id, file, data: parse(source) } };
    const head = FRONTMATTER.exec(source);
    return {
      file: { id, file, data: head ? parse(head[1]!) : {}, body: head ? source.slice(head[0].length) : source, bodyLine: head ? head[0].split('\n').length - 1 : 0 },
    };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // js-yaml counts from 0; a frontmatter starts on the file's second line.
    const line = error.mark.line + (markdown ? 2 : 1);
    return { problem: { file, field: `line ${line}, column ${error.mark.column + 1}`, message: `${error.reason}: fix the YAML (quote a value that holds a colon or starts with a special character)` } };
  }
}

/** Every file of a collection under `root`, in file order, parsed; and what could not be parsed. */
export function readCollection(root: string, collection: Collection): { files: SourceFile[]; problems: Problem[] } {
  const entries: Array<{ path: string; id: string; markdown: boolean }> = [];
  if (collection === 'authors') {
    for (const name of list(join(root, 'authors'), /\.mdx?$/)) entries.push({ path: join(root, 'authors', name), id: stem(name), markdown: true });
  } else if (collection === 'articles' || collection === 'sections') {
    for (const folder of list(join(root, 'articles'), /^[^.]/)) {
      for (const name of list(join(root, 'articles', folder), collection === 'articles' ? /^article\.ya?ml$/ : /\.mdx?$/)) {
        entries.push({ path: join(root, 'articles', folder, name), id: collection === 'articles' ? folder : `${folder}/${stem(name)}`, markdown: collection === 'sections' });
      }
    }
  } else {
    for (const name of list(join(root, collection), /\.ya?ml$/)) entries.push({ path: join(root, collection, name), id: stem(name), markdown: false });
  }
  const results = entries.map((e) => parsed(e.path, e.id, readFileSync(e.path, 'utf8'), e.markdown));
  return {
    files: results.flatMap((r) => ('file' in r ? [r.file] : [])),
    problems: results.flatMap((r) => ('problem' in r ? [r.problem] : [])),
  };
}

/**
 * The publication's articles, sections and annotations as their schemas parse them, for a build
 * step that needs the content but not its compiled words (the search index's records). Entries
 * that fail their schema are left out: the content layer has already stopped the build on them.
 */
export function readPublication(root: string): {
  authors: Array<{ id: string; data: AuthorData }>;
  articles: Array<{ id: string; data: ArticleData }>;
  sections: Array<{ id: string; data: SectionData }>;
  annotations: AnnotationItem[];
} {
  const parse = (collection: Collection) =>
    readCollection(root, collection).files.flatMap((source) => {
      const result = COLLECTION_SCHEMAS[collection]!.safeParse(source.data);
      return result.success ? [{ id: source.id, file: source.file, data: result.data as Record<string, unknown> }] : [];
    });
  const [authors, articles, sections, ...kinds] = [parse('authors'), parse('articles'), parse('sections'), ...KINDS.map((kind) => parse(ANNOTATION_KINDS[kind].collection))];
  return {
    authors: authors.map(({ id, data }) => ({ id, data: data as AuthorData })),
    articles: articles.map(({ id, data }) => ({ id, data: data as ArticleData })),
    sections: sections.map(({ id, data }) => ({ id, data: data as SectionData })),
    annotations: KINDS.flatMap((kind, i) =>
      kinds[i]!.map(({ id, file, data }) => ({ kind, id, file, title: String(data[ANNOTATION_KINDS[kind].titleField]), data: data as never, mentions: (data['mentions'] as AnnotationItem['mentions']) ?? [] })),
    ),
  };
}
