/** Annotations as the content layer hands them over, for unit tests: only what a test names is set. */
import type { AnnotationItem, EventItem, IssueItem, PersonItem } from '../../../src/lib/content/cross-reference.ts';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import type { EventData, IssueData, Mention, PersonData } from '../../../src/lib/content/schemas.ts';

const links = { events: [], issues: [], people: [] };
type Over<D> = Partial<D> & { mentions?: Mention[]; title?: string };

export function event(id: string, date: string | null, over: Over<EventData> = {}): EventItem {
  const parsed = date ? parsePreciseDate(date) : null;
  const data: EventData = { title: over.title ?? id, date: parsed, precision: parsed?.precision ?? 'undated', note: 'n', basis: 'article', evidence: ['e'], ...links, mentions: [], ...over };
  return { kind: 'event', id, file: `events/${id}.yaml`, title: data.title, data, mentions: data.mentions };
}

export function issue(id: string, over: Over<IssueData> = {}): IssueItem {
  const data: IssueData = { name: over.title ?? id, summary: 's', basis: 'article', evidence: ['e'], ...links, mentions: [], ...over };
  return { kind: 'issue', id, file: `issues/${id}.yaml`, title: data.name, data, mentions: data.mentions };
}

export function person(id: string, over: Over<PersonData> = {}): PersonItem {
  const data: PersonData = { name: over.title ?? id, role: 'r', roleAsOf: parsePreciseDate('2018-10'), basis: 'article', evidence: ['e'], ...links, mentions: [], ...over };
  return { kind: 'person', id, file: `people/${id}.yaml`, title: data.name, data, mentions: data.mentions };
}

export type { AnnotationItem };
