/**
 * The content as pages use it: every collection loaded once, checked by `content-rules.ts`, and
 * joined (article → author, article → ordered sections, events ↔ issues ↔ sections). Any problem
 * throws, which fails the build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkContent, ContentError } from './content-rules.ts';
import { buildIndex, type AnnotationIndex } from './annotations.ts';
import { bodyText, paragraphOf, quoteContext, type Mention } from './mentions.ts';

export type Author = CollectionEntry<'authors'>;
export type Section = CollectionEntry<'sections'>;

export interface Article {
  entry: CollectionEntry<'articles'>;
  slug: string;
  author: Author;
  sections: Section[];
}

export interface Library {
  articles: Article[];
  annotations: AnnotationIndex;
  article(slug: string): Article | undefined;
  section(article: string, section: string): Section | undefined;
  /** Words around a mention, from the section's own text, for quoting it elsewhere. */
  contextOf(mention: Mention): { before: string; phrase: string; after: string };
}

let cached: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Library> {
  const [authors, articleEntries, sections, events, issues] = await Promise.all([
    getCollection('authors'),
    getCollection('articles'),
    getCollection('sections'),
    getCollection('events'),
    getCollection('issues'),
  ]);
  const file = (e: { filePath?: string | undefined; id: string }) => e.filePath ?? e.id;
  const problems = checkContent({
    authors: authors.map((a) => ({ id: a.id, file: file(a) })),
    articles: articleEntries.map((a) => ({ id: a.id, file: file(a), author: a.data.author.id })),
    sections: sections.map((s) => ({
      file: file(s),
      id: s.data.id,
      order: s.data.order,
      article: s.data.article.id,
      aliases: s.data.aliases,
      body: s.body ?? '',
    })),
    annotations: [
      ...events.map((e) => ({ kind: 'event' as const, id: e.id, file: file(e), related: e.data.issues.map((r) => r.id), mentions: e.data.mentions })),
      ...issues.map((i) => ({ kind: 'issue' as const, id: i.id, file: file(i), related: i.data.events.map((r) => r.id), mentions: i.data.mentions })),
    ],
  });
  if (problems.length > 0) throw new ContentError(problems);

  const authorById = new Map(authors.map((a) => [a.id, a]));
  const sectionByKey = new Map(sections.map((s) => [`${s.data.article.id}/${s.data.id}`, s]));
  // Each section's reading text, once: every card and quote on every page looks mentions up in it.
  const textByKey = new Map(sections.map((s) => [`${s.data.article.id}/${s.data.id}`, bodyText(s.body ?? '')]));
  const textOf = (m: Mention) => textByKey.get(`${m.article}/${m.section}`) ?? '';
  const articles = articleEntries
    .map((entry) => ({
      entry,
      slug: entry.id,
      author: authorById.get(entry.data.author.id)!,
      sections: sections.filter((s) => s.data.article.id === entry.id).sort((a, b) => a.data.order - b.data.order),
    }))
    // Newest first; dates keep their precision, so compare their written form.
    .sort((a, b) => b.entry.data.published.iso.localeCompare(a.entry.data.published.iso));
  const articleBySlug = new Map(articles.map((a) => [a.slug, a]));

  const annotations = buildIndex(
    events.map((e) => ({ id: e.id, ...e.data, issues: e.data.issues.map((r) => r.id) })),
    issues.map((i) => ({ id: i.id, ...i.data, events: i.data.events.map((r) => r.id) })),
    (m) => paragraphOf(textOf(m), m.phrase),
  );

  return {
    articles,
    annotations,
    article: (slug) => articleBySlug.get(slug),
    section: (article, section) => sectionByKey.get(`${article}/${section}`),
    contextOf: (m) => quoteContext(textOf(m), m.phrase),
  };
}
