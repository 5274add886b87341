/**
 * The cross-reference index between events, issues and the sections that mention them. Links
 * are written once, on either side (an event's `issues` or an issue's `events`), and read both ways.
 */
import { sortKey, type PreciseDate } from './dates.ts';
import { markId, type AnnotationKind, type Mention } from './mentions.ts';

export interface EventItem {
  id: string;
  title: string;
  date: PreciseDate | null;
  wording?: string | undefined;
  target?: PreciseDate | undefined;
  targetLabel?: string | undefined;
  note: string;
  basis: 'article' | 'context';
  issues: readonly string[];
  mentions: readonly Mention[];
}

export interface IssueItem {
  id: string;
  name: string;
  summary: string;
  basis: 'article' | 'context';
  events: readonly string[];
  mentions: readonly Mention[];
}

/** A place in the text where an annotation is mentioned, for back-links. */
export interface MentionPlace extends Mention {
  markId: string;
  /** 1-based paragraph number within the section, when known. */
  paragraph?: number | undefined;
}

/** Dated events by start date (coarser first within a period), then undated ones; ties by title. */
export function compareEvents(a: EventItem, b: EventItem): number {
  if (a.date && b.date) return sortKey(a.date).localeCompare(sortKey(b.date)) || a.title.localeCompare(b.title);
  if (a.date) return -1;
  if (b.date) return 1;
  return a.title.localeCompare(b.title);
}

export interface AnnotationIndex {
  events: EventItem[];
  issues: IssueItem[];
  event(id: string): EventItem | undefined;
  issue(id: string): IssueItem | undefined;
  eventsOf(issueId: string): EventItem[];
  issuesOf(eventId: string): IssueItem[];
  inSection(article: string, section: string): { events: EventItem[]; issues: IssueItem[] };
  placesOf(kind: AnnotationKind, id: string): MentionPlace[];
}

export function buildIndex(
  events: readonly EventItem[],
  issues: readonly IssueItem[],
  paragraphOf: (mention: Mention) => number | undefined = () => undefined,
): AnnotationIndex {
  const sortedEvents = [...events].sort(compareEvents);
  const sortedIssues = [...issues].sort((a, b) => a.name.localeCompare(b.name));
  const eventById = new Map(sortedEvents.map((e) => [e.id, e]));
  const issueById = new Map(sortedIssues.map((i) => [i.id, i]));
  const pairs = new Set<string>();
  for (const e of events) for (const i of e.issues) pairs.add(`${e.id}\u0000${i}`);
  for (const i of issues) for (const e of i.events) pairs.add(`${e}\u0000${i.id}`);
  const linked = (eventId: string, issueId: string) => pairs.has(`${eventId}\u0000${issueId}`);
  const mentionsIn = (mentions: readonly Mention[], article: string, section: string) =>
    mentions.some((m) => m.article === article && m.section === section);

  return {
    events: sortedEvents,
    issues: sortedIssues,
    event: (id) => eventById.get(id),
    issue: (id) => issueById.get(id),
    eventsOf: (issueId) => sortedEvents.filter((e) => linked(e.id, issueId)),
    issuesOf: (eventId) => sortedIssues.filter((i) => linked(eventId, i.id)),
    inSection: (article, section) => ({
      events: sortedEvents.filter((e) => mentionsIn(e.mentions, article, section)),
      issues: sortedIssues.filter((i) => mentionsIn(i.mentions, article, section)),
    }),
    placesOf: (kind, id) => {
      const item = kind === 'event' ? eventById.get(id) : issueById.get(id);
      return (item?.mentions ?? []).map((m, index) => ({ ...m, markId: markId(kind, id, index), paragraph: paragraphOf(m) }));
    },
  };
}
