/**
 * The publication as pages read it, built once per build from the collections (the content layer
 * has already checked and compiled everything): articles newest first with their author and
 * sections in order, each section's outline and (when asked) its HTML, the cross-reference index with where every
 * mark landed, and the figures the articles declare. Pages compute their route data from it
 * (`data.ts`); components only ever see props.
 *
 * Held for the life of the module: a build loads it once. In `npm run dev` an edit to the content
 * replaces the data store's module, and with it this one, so the next page sees the edit.
 */
import { getCollection } from 'astro:content';
import { keptHtml, keptOutline } from '../content/compiled.ts';
import { buildCrossReference, type AnnotationItem, type CrossReference } from '../content/cross-reference.ts';
import { newestFirst } from '../content/dates.ts';
import { declaredFigures, type DeclaredFigure } from '../content/figures.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';
import type { ArticleData, AuthorData, SectionData } from '../content/schemas.ts';
import type { MarkPlacement, SectionOutline } from '../markdown/mentions.ts';
import { byYear, dated } from './archive.ts';
import { listingPages } from './routes.ts';

export interface Author {
  id: string;
  data: AuthorData;
  /** The author note, as the pipeline compiled it. */
  note: string;
}

export interface Section {
  data: SectionData;
  outline: SectionOutline;
  /** Its HTML, read from the build cache when its page renders: all of it at once would be the archive's size. */
  html: () => string;
}

export interface Article {
  slug: string;
  data: ArticleData;
  author: Author;
  sections: Section[];
}

export interface Library {
  /** Newest first. */
  articles: Article[];
  /** Every author, by name. */
  authors: Author[];
  /** An author's articles, newest first. */
  articlesBy(author: string): Article[];
  /** The years articles were published in, newest first, each with its articles newest first. */
  years: Array<{ year: number; articles: Article[] }>;
  article(slug: string): Article | undefined;
  section(article: string, section: string): Section | undefined;
  xref: CrossReference;
  /** The page of its kind's listing (from 1) an entry is on. */
  listingPage(kind: AnnotationKind, id: string): number;
  /** A figure by the name its article's sections use. */
  figure(name: string): DeclaredFigure | undefined;
}

let loaded: Promise<Library> | undefined;

/** The library, built on first use. */
export function loadLibrary(): Promise<Library> {
  loaded ??= build();
  return loaded;
}

async function build(): Promise<Library> {
  const [authorEntries, articleEntries, sectionEntries, ...annotationEntries] = await Promise.all([
    getCollection('authors'),
    getCollection('articles'),
    getCollection('sections'),
    ...KINDS.map((kind) => getCollection(ANNOTATION_KINDS[kind].collection)),
  ]);
  const authors = new Map(authorEntries.map((e) => [e.id, { id: e.id, data: e.data, note: e.rendered?.html ?? '' }]));
  const sectionsByArticle = new Map<string, Section[]>();
  const placements = new Map<string, MarkPlacement>();
  for (const entry of sectionEntries) {
    const digest = String(entry.digest);
    const file = entry.filePath ?? entry.id;
    const section: Section = { data: entry.data, outline: keptOutline(digest, file), html: () => keptHtml(digest, file) };
    for (const mark of section.outline.marks) placements.set(mark.markId, mark);
    const list = sectionsByArticle.get(entry.data.article);
    if (list) list.push(section);
    else sectionsByArticle.set(entry.data.article, [section]);
  }
  const items: AnnotationItem[] = KINDS.flatMap((kind, i) =>
    annotationEntries[i]!.map((e) => ({
      kind,
      id: e.id,
      file: e.filePath ?? e.id,
      title: String((e.data as Record<string, unknown>)[ANNOTATION_KINDS[kind].titleField]),
      data: e.data as never,
      mentions: (e.data as { mentions: AnnotationItem['mentions'] }).mentions,
    })),
  );
  const xref = buildCrossReference(items, (id) => placements.get(id));

  const articles: Article[] = articleEntries
    .map((e) => ({
      slug: e.id,
      data: e.data,
      author: authors.get(e.data.author)!,
      sections: (sectionsByArticle.get(e.id) ?? []).sort((a, b) => a.data.order - b.data.order),
    }))
    .sort(newestFirst(dated));
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const sectionByKey = new Map(articles.flatMap((a) => a.sections.map((s) => [`${a.slug}/${s.data.id}`, s] as const)));
  const figures = new Map(declaredFigures(articleEntries.map((e) => ({ id: e.id, file: e.filePath ?? e.id, figures: e.data.figures })), xref).figures.map((f) => [f.spec.name, f]));
  const pageOf = new Map(KINDS.map((kind) => [kind, listingPages(xref.all(kind))]));

  const byAuthor = new Map<string, Article[]>();
  for (const article of articles) {
    const list = byAuthor.get(article.author.id);
    if (list) list.push(article);
    else byAuthor.set(article.author.id, [article]);
  }

  return {
    articles,
    authors: [...authors.values()].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    articlesBy: (author) => byAuthor.get(author) ?? [],
    years: byYear(articles),
    article: (slug) => bySlug.get(slug),
    section: (article, section) => sectionByKey.get(`${article}/${section}`),
    xref,
    listingPage: (kind, id) => pageOf.get(kind)?.get(id) ?? 1,
    figure: (name) => figures.get(name),
  };
}
