/**
 * The cross-reference index between events, issues and the sections that mention them. Links
 * are written once, on either side (an event's `issues` or an issue's `events`), and read both ways.
 */
import { sortKey, type PreciseDate } from './dates.ts';
import { markId, type AnnotationKind, type MarkPlacement, type Mention } from './mentions.ts';
import { EVENTS_PER_PAGE } from './routes.ts';

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
  /** Where the Markdown step placed the mark (paragraph, quote); absent before sections are compiled. */
  placement?: MarkPlacement | undefined;
}

/** The year an event is listed under: its start year, or "Undated" where only the article's words place it. */
export function eventYear(event: Pick<EventItem, 'date'>): string {
  return event.date ? String(event.date.year) : 'Undated';
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
  /** The events an article mentions, in date order. */
  eventsIn(article: string): EventItem[];
  /** The page of the events listing (from 1) that shows an event: events in date order, EVENTS_PER_PAGE a page. */
  eventPage(id: string): number;
  inSection(article: string, section: string): { events: EventItem[]; issues: IssueItem[] };
  placesOf(kind: AnnotationKind, id: string): MentionPlace[];
}

/** Append to the list at `key`, creating it: one list per key, never copied. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(
  events: readonly EventItem[],
  issues: readonly IssueItem[],
  placementOf: (markId: string) => MarkPlacement | undefined = () => undefined,
): AnnotationIndex {
  const sortedEvents = [...events].sort(compareEvents);
  const sortedIssues = [...issues].sort((a, b) => a.name.localeCompare(b.name));
  const eventById = new Map(sortedEvents.map((e) => [e.id, e]));
  const pageOf = new Map(sortedEvents.map((e, i) => [e.id, Math.floor(i / EVENTS_PER_PAGE) + 1]));
  const issueById = new Map(sortedIssues.map((i) => [i.id, i]));
  // Links are written on either side; each pair counts once.
  const pairs = new Set<string>();
  for (const e of events) for (const i of e.issues) pairs.add(`${e.id}\u0000${i}`);
  for (const i of issues) for (const e of i.events) pairs.add(`${e}\u0000${i.id}`);
  const eventsByIssue = new Map<string, EventItem[]>();
  const issuesByEvent = new Map<string, IssueItem[]>();
  for (const pair of pairs) {
    const [eventId, issueId] = pair.split('\u0000') as [string, string];
    const event = eventById.get(eventId);
    const issue = issueById.get(issueId);
    if (event) push(eventsByIssue, issueId, event);
    if (issue) push(issuesByEvent, eventId, issue);
  }
  for (const list of eventsByIssue.values()) list.sort(compareEvents);
  for (const list of issuesByEvent.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  // Looked up once per section, article and issue on every page: index them once, so an
  // archive's build grows with its size, not with articles × annotations.
  const bySection = new Map<string, { events: EventItem[]; issues: IssueItem[] }>();
  const at = (article: string, section: string) => {
    const key = `${article}\u0000${section}`;
    let entry = bySection.get(key);
    if (!entry) bySection.set(key, (entry = { events: [], issues: [] }));
    return entry;
  };
  const byArticle = new Map<string, EventItem[]>();
  for (const e of sortedEvents) {
    for (const key of new Set(e.mentions.map((m) => `${m.article}\u0000${m.section}`))) at(...(key.split('\u0000') as [string, string])).events.push(e);
    for (const article of new Set(e.mentions.map((m) => m.article))) push(byArticle, article, e);
  }
  for (const i of sortedIssues) for (const key of new Set(i.mentions.map((m) => `${m.article}\u0000${m.section}`))) at(...(key.split('\u0000') as [string, string])).issues.push(i);

  return {
    events: sortedEvents,
    issues: sortedIssues,
    event: (id) => eventById.get(id),
    issue: (id) => issueById.get(id),
    eventsOf: (issueId) => eventsByIssue.get(issueId) ?? [],
    issuesOf: (eventId) => issuesByEvent.get(eventId) ?? [],
    eventsIn: (article) => byArticle.get(article) ?? [],
    eventPage: (id) => pageOf.get(id) ?? 1,
    inSection: (article, section) => bySection.get(`${article}\u0000${section}`) ?? { events: [], issues: [] },
    placesOf: (kind, id) => {
      const item = kind === 'event' ? eventById.get(id) : issueById.get(id);
      return (item?.mentions ?? []).map((m, index) => {
        const mark = markId(kind, id, index);
        return { ...m, markId: mark, placement: placementOf(mark) };
      });
    },
  };
}
