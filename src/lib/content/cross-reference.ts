/**
 * The cross-reference index: every annotation, of every kind, joined to the others it links to
 * and to the sections that mention it. Links are written once, on either side (an event's
 * `issues` or an issue's `events`), and read both ways. Built once per build from the validated
 * entries: by the content layer for its checks, and by the pages' library. Pure.
 */
import { sortKey } from './dates.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from './kinds.ts';
import type { AnnotationData, Mention } from './schemas.ts';
import { markId } from '../markdown/marks.ts';
import type { MarkPlacement } from '../markdown/mentions.ts';

/** One annotation, with what every kind has: its id, its title and the words it marks. */
export interface AnnotationItem<K extends AnnotationKind = AnnotationKind> {
  kind: K;
  id: string;
  /** Its file, as messages name it. */
  file: string;
  /** What its card is titled by (the field the kinds table names). */
  title: string;
  data: AnnotationData[K];
  mentions: readonly Mention[];
}

export type EventItem = AnnotationItem<'event'>;
export type IssueItem = AnnotationItem<'issue'>;
export type PersonItem = AnnotationItem<'person'>;

/** A place in the text where an annotation is mentioned, for back-links. */
export interface MentionPlace extends Mention {
  markId: string;
  /** Where the Markdown step placed the mark (paragraph, quote); absent before sections are compiled. */
  placement?: MarkPlacement | undefined;
}

/** The listing an event is filed under: its start year, or "Undated" where only the article's words place it. */
export function eventYear(event: EventItem): string {
  return event.data.date ? String(event.data.date.year) : 'Undated';
}

/** Dated events by start date (coarser first within a period), then undated ones; ties by title. */
export function compareEvents(a: EventItem, b: EventItem): number {
  const [x, y] = [a.data.date, b.data.date];
  if (x && y) return sortKey(x).localeCompare(sortKey(y)) || a.title.localeCompare(b.title);
  if (x) return -1;
  if (y) return 1;
  return a.title.localeCompare(b.title);
}

/** The order entries of a kind are listed in: events by date, the others by title. */
export function compareItems(a: AnnotationItem, b: AnnotationItem): number {
  return a.kind === 'event' && b.kind === 'event' ? compareEvents(a as EventItem, b as EventItem) : a.title.localeCompare(b.title);
}

export interface CrossReference {
  /** Every entry of a kind, in its order. */
  all<K extends AnnotationKind>(kind: K): AnnotationItem<K>[];
  get<K extends AnnotationKind>(kind: K, id: string): AnnotationItem<K> | undefined;
  /** The entries of `kind` an entry links to, or that link to it. */
  linked<K extends AnnotationKind>(item: AnnotationItem, kind: K): AnnotationItem<K>[];
  /** The entries of `kind` an article mentions, in their kind's order. */
  inArticle<K extends AnnotationKind>(article: string, kind: K): AnnotationItem<K>[];
  /** Every place an entry is mentioned, with where its mark landed when the sections are compiled. */
  places(kind: AnnotationKind, id: string): readonly MentionPlace[];
}

/** Append to the list at `key`, creating it: one list per key, never copied. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildCrossReference(
  items: readonly AnnotationItem[],
  placementOf: (markId: string) => MarkPlacement | undefined = () => undefined,
): CrossReference {
  const byKind = new Map<AnnotationKind, AnnotationItem[]>(KINDS.map((kind) => [kind, []]));
  for (const item of items) byKind.get(item.kind)!.push(item);
  for (const list of byKind.values()) list.sort(compareItems);
  const key = (kind: AnnotationKind, id: string) => `${kind}\u0000${id}`;
  const byId = new Map(items.map((item) => [key(item.kind, item.id), item]));

  // Links are written on either side; each pair counts once.
  const links = new Map<string, Set<AnnotationItem>>();
  const link = (a: AnnotationItem, b: AnnotationItem) => {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const set = links.get(key(from.kind, from.id)) ?? new Set();
      set.add(to);
      links.set(key(from.kind, from.id), set);
    }
  };
  for (const item of items) {
    for (const other of KINDS) {
      if (other === item.kind) continue;
      const ids = (item.data as unknown as Record<string, readonly string[] | undefined>)[ANNOTATION_KINDS[other].collection] ?? [];
      for (const id of ids) {
        const target = byId.get(key(other, id));
        if (target) link(item, target);
      }
    }
  }
  const linkedCache = new Map<string, AnnotationItem[]>();
  // Asked for by every card of every article that mentions the entry, and by its own pages: made
  // once (at 1,000 articles, making them again took about a second of a build).
  const placesCache = new Map<string, readonly MentionPlace[]>();

  // Looked up for every article on every page: indexed once, so an archive's build grows with its
  // size, not with articles × annotations.
  const byArticle = new Map<string, AnnotationItem[]>();
  for (const kind of KINDS) {
    for (const item of byKind.get(kind)!) for (const article of new Set(item.mentions.map((m) => m.article))) push(byArticle, `${kind}\u0000${article}`, item);
  }

  return {
    all: <K extends AnnotationKind>(kind: K) => byKind.get(kind)! as AnnotationItem<K>[],
    get: <K extends AnnotationKind>(kind: K, id: string) => byId.get(key(kind, id)) as AnnotationItem<K> | undefined,
    linked: <K extends AnnotationKind>(item: AnnotationItem, kind: K) => {
      const cacheKey = `${key(item.kind, item.id)}\u0000${kind}`;
      let list = linkedCache.get(cacheKey);
      if (!list) {
        list = [...(links.get(key(item.kind, item.id)) ?? [])].filter((other) => other.kind === kind).sort(compareItems);
        linkedCache.set(cacheKey, list);
      }
      return list as AnnotationItem<K>[];
    },
    inArticle: <K extends AnnotationKind>(article: string, kind: K) => (byArticle.get(`${kind}\u0000${article}`) ?? []) as AnnotationItem<K>[],
    places: (kind, id) => {
      const cacheKey = key(kind, id);
      let list = placesCache.get(cacheKey);
      if (!list) {
        list = (byId.get(cacheKey)?.mentions ?? []).map((m, index) => {
          const mark = markId(kind, id, index);
          return { ...m, markId: mark, placement: placementOf(mark) };
        });
        placesCache.set(cacheKey, list);
      }
      return list;
    },
  };
}
