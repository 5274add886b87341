/**
 * The content as pages use it: every collection loaded once, checked by `content-rules.ts`, and
 * joined (article → author, article → ordered sections). Any problem throws, which fails the build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkContent, ContentError } from './content-rules.ts';

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
}

let cached: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Library> {
  const [authors, articles, sections] = await Promise.all([
    getCollection('authors'),
    getCollection('articles'),
    getCollection('sections'),
  ]);
  const file = (e: { filePath?: string | undefined; id: string }) => e.filePath ?? e.id;
  const problems = checkContent({
    authors: authors.map((a) => ({ id: a.id, file: file(a) })),
    articles: articles.map((a) => ({ id: a.id, file: file(a), author: a.data.author.id })),
    sections: sections.map((s) => ({
      file: file(s),
      id: s.data.id,
      order: s.data.order,
      article: s.data.article.id,
      aliases: s.data.aliases,
      body: s.body ?? '',
    })),
  });
  if (problems.length > 0) throw new ContentError(problems);

  const authorById = new Map(authors.map((a) => [a.id, a]));
  return {
    articles: articles
      .map((entry) => ({
        entry,
        slug: entry.id,
        author: authorById.get(entry.data.author.id)!,
        sections: sections
          .filter((s) => s.data.article.id === entry.id)
          .sort((a, b) => a.data.order - b.data.order),
      }))
      // Newest first; the dates keep their precision, so compare their written form.
      .sort((a, b) => b.entry.data.published.iso.localeCompare(a.entry.data.published.iso)),
  };
}
