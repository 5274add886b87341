/**
 * The content entries, as the collections validated them, turned into what the cross-entry
 * checks, the annotation index and the figure checks take. One mapping, used by the build
 * (`library.ts`, from `getCollection`) and by `npm run check` (from the same entries in
 * `content-registry.ts`), so the two can never disagree.
 */
import { buildIndex, type AnnotationIndex, type EventItem, type IssueItem } from './annotations.ts';
import { checkContent, type Problem } from './content-rules.ts';
import { figureEvents, figureProblem, type FigureSpec } from './figures.ts';
import type { MarkPlacement } from './mentions.ts';

type Ref = { readonly id: string };

interface EntryLike<D> {
  id: string;
  data: D;
  body?: string | undefined;
  filePath?: string | undefined;
}

export interface ContentEntries {
  authors: ReadonlyArray<EntryLike<unknown>>;
  articles: ReadonlyArray<EntryLike<{ author: Ref; figures: readonly unknown[] }>>;
  sections: ReadonlyArray<EntryLike<{ id: string; order: number; article: Ref; aliases: readonly string[] }>>;
  events: ReadonlyArray<EntryLike<Omit<EventItem, 'id' | 'issues'> & { issues: readonly Ref[] }>>;
  issues: ReadonlyArray<EntryLike<Omit<IssueItem, 'id' | 'events'> & { events: readonly Ref[] }>>;
}

/** The file an entry came from, as messages name it. */
export const fileOf = (entry: { filePath?: string | undefined; id: string }): string => entry.filePath ?? entry.id;

/** Entries in file order: the collections hand them over in whatever order they loaded. */
export const inFileOrder = <E extends { filePath?: string | undefined; id: string }>(entries: readonly E[]): E[] => [...entries].sort((a, b) => fileOf(a).localeCompare(fileOf(b)));

/**
 * Every cross-entry problem: references, ids, collisions (see `content-rules.ts`). Entries are
 * checked in file order, so of two files that clash the later one is named, in every run.
 */
export function contentProblems(entries: ContentEntries): Problem[] {
  const c = {
    authors: inFileOrder(entries.authors),
    articles: inFileOrder(entries.articles),
    sections: inFileOrder(entries.sections),
    events: inFileOrder(entries.events),
    issues: inFileOrder(entries.issues),
  };
  return checkContent({
    authors: c.authors.map((a) => ({ id: a.id, file: fileOf(a) })),
    articles: c.articles.map((a) => ({ id: a.id, file: fileOf(a), author: a.data.author.id })),
    sections: c.sections.map((s) => ({
      file: fileOf(s),
      id: s.data.id,
      order: s.data.order,
      article: s.data.article.id,
      aliases: s.data.aliases,
      body: s.body ?? '',
    })),
    annotations: [
      ...c.events.map((e) => ({ kind: 'event' as const, id: e.id, file: fileOf(e), related: e.data.issues.map((r) => r.id), mentions: e.data.mentions })),
      ...c.issues.map((i) => ({ kind: 'issue' as const, id: i.id, file: fileOf(i), related: i.data.events.map((r) => r.id), mentions: i.data.mentions })),
    ],
  });
}

/** Events and issues joined both ways, with where each mark landed when the sections are compiled. */
export function annotationIndex(c: Pick<ContentEntries, 'events' | 'issues'>, placementOf?: (markId: string) => MarkPlacement | undefined): AnnotationIndex {
  return buildIndex(
    c.events.map((e) => ({ id: e.id, ...e.data, issues: e.data.issues.map((r) => r.id) })),
    c.issues.map((i) => ({ id: i.id, ...i.data, events: i.data.events.map((r) => r.id) })),
    placementOf,
  );
}

export interface DeclaredFigure {
  article: string;
  spec: FigureSpec;
  /** The events it draws. */
  events: EventItem[];
}

/**
 * Every figure the articles declare, with what it draws, and the problems that stop the build: a
 * figure that draws nothing, names an unknown issue, or takes another article's figure name.
 */
export function declaredFigures(articles: ContentEntries['articles'], annotations: AnnotationIndex): { figures: DeclaredFigure[]; problems: Problem[] } {
  const figures: DeclaredFigure[] = [];
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const article of inFileOrder(articles)) {
    article.data.figures.forEach((declared, index) => {
      const spec = declared as FigureSpec;
      const events = figureEvents(spec, article.id, annotations);
      const messages = [figureProblem(spec, events, spec.kind !== 'targets' || annotations.issue(spec.issue) !== undefined)];
      const first = owner.get(spec.name);
      if (first !== undefined && first !== fileOf(article)) messages.push(`the name "${spec.name}" is also a figure of ${first}: figure names are unique across articles`);
      owner.set(spec.name, first ?? fileOf(article));
      for (const message of messages) if (message !== undefined) problems.push({ file: fileOf(article), field: `figures[${index}]`, message });
      figures.push({ article: article.id, spec, events });
    });
  }
  return { figures, problems };
}
