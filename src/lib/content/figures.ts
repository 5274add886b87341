/**
 * Figures an article declares (`figures` in its article.yaml): what each draws, and why one cannot
 * be drawn. A figure draws only its own article's events (a timeline) or its declared issue's (the
 * target dates it set); `src/` holds the drawing code (`view/figures.ts`), never an article's names.
 */
import { formatPreciseDate, type PreciseDate } from './dates.ts';
import type { CrossReference, EventItem } from './cross-reference.ts';
import type { FigureSpec } from './schemas.ts';
import type { Problem } from './rules.ts';

export type { FigureSpec };

const DAY = 86_400_000;

/** Days since the epoch: a timeline's axis. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY;
}

/** The events dated to the day (or a span of days) between `from` and `to` inclusive: what a timeline draws. */
export function timelineEvents(events: readonly EventItem[], from: PreciseDate, to: PreciseDate): { start: number; end: number; events: EventItem[] } {
  const start = dayNumber(from.year, from.month ?? 1, from.day ?? 1);
  const endMonth = to.month ?? 12;
  const end = dayNumber(to.year, endMonth, to.day ?? new Date(Date.UTC(to.year, endMonth, 0)).getUTCDate());
  const drawn = events.filter((e) => {
    const date = e.data.date;
    if (!date || (date.precision !== 'day' && date.precision !== 'range')) return false;
    const d = dayNumber(date.year, date.month!, date.day!);
    return d >= start && d <= end;
  });
  return { start, end, events: drawn };
}

/** The events a figure draws: only its own article's (timeline) or its declared issue's (targets). */
export function figureEvents(spec: FigureSpec, article: string, xref: CrossReference): EventItem[] {
  if (spec.kind === 'targets') {
    const issue = xref.get('issue', spec.issue);
    return issue ? xref.linked(issue, 'event').filter((e) => e.data.target || e.data.targetLabel) : [];
  }
  return timelineEvents(xref.inArticle(article, 'event'), spec.from, spec.to).events;
}

/** Why a declared figure cannot be drawn, or undefined when it can. */
export function figureProblem(spec: FigureSpec, drawn: readonly EventItem[], issueExists: boolean): string | undefined {
  if (spec.kind === 'targets' && !issueExists) return `no issue "${spec.issue}": name an issue in content/issues/`;
  if (drawn.length > 0) return undefined;
  return spec.kind === 'timeline'
    ? `draws nothing: no event this article mentions is dated to the day between ${formatPreciseDate(spec.from)} and ${formatPreciseDate(spec.to)}; widen from/to, or remove the figure`
    : `draws nothing: no event of issue "${spec.issue}" sets a target; add target dates to its events, or remove the figure`;
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
 * Articles in file order, so of two that clash the later one is named, in every run.
 */
export function declaredFigures(articles: ReadonlyArray<{ id: string; file: string; figures: readonly FigureSpec[] }>, xref: CrossReference): { figures: DeclaredFigure[]; problems: Problem[] } {
  const figures: DeclaredFigure[] = [];
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const article of articles) {
    article.figures.forEach((spec, index) => {
      const events = figureEvents(spec, article.id, xref);
      const messages = [figureProblem(spec, events, spec.kind !== 'targets' || xref.get('issue', spec.issue) !== undefined)];
      const first = owner.get(spec.name);
      if (first !== undefined && first !== article.file) messages.push(`the name "${spec.name}" is also a figure of ${first}: figure names are unique across articles`);
      owner.set(spec.name, first ?? article.file);
      for (const message of messages) if (message !== undefined) problems.push({ file: article.file, field: `figures[${index}]`, message });
      figures.push({ article: article.id, spec, events });
    });
  }
  return { figures, problems };
}
