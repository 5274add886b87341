/**
 * The content as pages use it: every collection loaded once, checked by `content-rules.ts`, and
 * joined (article → author, article → ordered sections, events ↔ issues ↔ sections). Any problem
 * throws, which fails the build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkContent, ContentError } from './content-rules.ts';
import { buildIndex, type AnnotationIndex, type EventItem } from './annotations.ts';
import { figureEvents, figureProblem, type FigureSpec } from './figures.ts';
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
  /** A figure by the name sections use in `<Figure name="…" />`, with its article and what it draws. */
  figure(name: string): { article: Article; spec: FigureSpec; events: EventItem[] } | undefined;
  /** Every declared figure. */
  figures: Array<{ article: Article; spec: FigureSpec; events: EventItem[] }>;
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

  // Figures: each draws only what its article declares; an empty or unknown one stops the build.
  const figures = articles.flatMap((article) =>
    article.entry.data.figures.map((spec, index) => ({ article, spec: spec as FigureSpec, index, events: figureEvents(spec as FigureSpec, article.slug, annotations) })),
  );
  const figureProblems = figures.flatMap(({ article, spec, index, events }) => {
    const message = figureProblem(spec, events, spec.kind !== 'targets' || annotations.issue(spec.issue) !== undefined);
    const seen = figures.find((f) => f.spec.name === spec.name);
    const duplicate = seen && seen.article !== article ? `the name "${spec.name}" is also a figure of ${file(seen.article.entry)}: figure names are unique across articles` : undefined;
    return [message, duplicate].filter((m): m is string => m !== undefined).map((m) => ({ file: file(article.entry), field: `figures[${index}]`, message: m }));
  });
  if (figureProblems.length > 0) throw new ContentError(figureProblems);
  const figureByName = new Map(figures.map((f) => [f.spec.name, f]));

  return {
    articles,
    annotations,
    figures,
    figure: (name) => figureByName.get(name),
    article: (slug) => articleBySlug.get(slug),
    section: (article, section) => sectionByKey.get(`${article}/${section}`),
    contextOf: (m) => quoteContext(textOf(m), m.phrase),
  };
}
