/**
 * The content as pages use it: every collection loaded once, checked (`content-records.ts`), and
 * joined (article → author, article → ordered sections, events ↔ issues ↔ sections), with what
 * the Markdown step placed in each compiled section (marks, paragraphs, quotes, first paragraph).
 * Any problem throws, which fails the build.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { registryVersion } from './content-registry.ts';
import { ContentError } from './content-rules.ts';
import type { AnnotationIndex, MentionPlace } from './annotations.ts';
import { annotationIndex, contentProblems, declaredFigures, type DeclaredFigure } from './content-records.ts';
import { sectionKey, type MarkPlacement, type Quote, type SectionDigest } from './mentions.ts';

export type Author = CollectionEntry<'authors'>;
export type Section = CollectionEntry<'sections'>;

export interface Article {
  entry: CollectionEntry<'articles'>;
  slug: string;
  author: Author;
  sections: Section[];
}

export interface Figure extends Omit<DeclaredFigure, 'article'> {
  article: Article;
}

export interface Library {
  articles: Article[];
  annotations: AnnotationIndex;
  article(slug: string): Article | undefined;
  section(article: string, section: string): Section | undefined;
  /** What the Markdown step placed in a section: its marks in reading order and its first paragraph. */
  digest(article: string, section: string): SectionDigest;
  /** The words around a mention, from the rendered section, for quoting it elsewhere. */
  quoteOf(place: MentionPlace): Quote;
  /** A figure by the name sections use in `<Figure name="…" />`, with its article and what it draws. */
  figure(name: string): Figure | undefined;
  /** Every declared figure. */
  figures: Figure[];
}

const EMPTY: SectionDigest = { lead: '', marks: [] };

let cached: { version: number; library: Promise<Library> } | undefined;

/** The library, built once per load of the collections (once a build; again after a dev edit). */
export function loadLibrary(): Promise<Library> {
  const version = registryVersion();
  if (cached?.version !== version) cached = { version, library: build() };
  return cached.library;
}

async function build(): Promise<Library> {
  const [authors, articleEntries, sections, events, issues] = await Promise.all([
    getCollection('authors'),
    getCollection('articles'),
    getCollection('sections'),
    getCollection('events'),
    getCollection('issues'),
  ]);
  const entries = { authors, articles: articleEntries, sections, events, issues };
  const problems = contentProblems(entries);
  if (problems.length > 0) throw new ContentError(problems);

  // What the Markdown step recorded while compiling each section (see rehype-article.ts).
  const digests = new Map(
    await Promise.all(
      sections.map(async (s) => [sectionKey(s.data.article.id, s.data.id), ((await render(s)).remarkPluginFrontmatter['digest'] as SectionDigest | undefined) ?? EMPTY] as const),
    ),
  );
  const placements = new Map<string, MarkPlacement>();
  for (const digest of digests.values()) for (const mark of digest.marks) placements.set(mark.markId, mark);
  const annotations = annotationIndex(entries, (id) => placements.get(id));

  const authorById = new Map(authors.map((a) => [a.id, a]));
  const sectionByKey = new Map(sections.map((s) => [sectionKey(s.data.article.id, s.data.id), s]));
  const sectionsByArticle = new Map<string, Section[]>();
  for (const s of sections) {
    const list = sectionsByArticle.get(s.data.article.id);
    if (list) list.push(s);
    else sectionsByArticle.set(s.data.article.id, [s]);
  }
  const articles = articleEntries
    .map((entry) => ({
      entry,
      slug: entry.id,
      author: authorById.get(entry.data.author.id)!,
      sections: (sectionsByArticle.get(entry.id) ?? []).sort((a, b) => a.data.order - b.data.order),
    }))
    // Newest first; dates keep their precision, so compare their written form.
    .sort((a, b) => b.entry.data.published.iso.localeCompare(a.entry.data.published.iso));
  const articleBySlug = new Map(articles.map((a) => [a.slug, a]));

  // Figures: each draws only what its article declares; an empty or unknown one stops the build.
  const declared = declaredFigures(articleEntries, annotations);
  if (declared.problems.length > 0) throw new ContentError(declared.problems);
  const figures = declared.figures.map((f) => ({ ...f, article: articleBySlug.get(f.article)! }));
  const figureByName = new Map(figures.map((f) => [f.spec.name, f]));

  return {
    articles,
    annotations,
    figures,
    figure: (name) => figureByName.get(name),
    article: (slug) => articleBySlug.get(slug),
    section: (article, section) => sectionByKey.get(sectionKey(article, section)),
    digest: (article, section) => digests.get(sectionKey(article, section)) ?? EMPTY,
    quoteOf: (place) => place.placement?.quote ?? { before: '', phrase: place.phrase, after: '' },
  };
}
