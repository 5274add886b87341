/**
 * Mentions: an annotation (event or issue) points at exact words in a section. The words are
 * never copied into the text; the Markdown step (`rehype-article.ts`) wraps them at build time and
 * records where each mark landed (its paragraph, the words around it), so ids, labels, quotes and
 * descriptions all come from that one placement. These helpers and types are shared by that step,
 * the content checks and the views, so ids and rules agree everywhere.
 */
import type { RegistryEntry } from './content-registry.ts';

export type AnnotationKind = 'event' | 'issue';

export interface Mention {
  article: string;
  section: string;
  phrase: string;
}

export interface Annotation {
  kind: AnnotationKind;
  id: string;
  file: string;
  title: string;
  mentions: readonly Mention[];
}

/** A mention placed in a section: what the wrapper needs to make the link. */
export interface PlacedMention {
  kind: AnnotationKind;
  id: string;
  file: string;
  /** Position in the annotation's own `mentions` list (for error messages). */
  index: number;
  phrase: string;
  title: string;
  /** The mark's element id: the target of back-links from the sidebar. */
  markId: string;
}

/** Words around a mark, as plain text, cut at word boundaries. */
export interface Quote {
  before: string;
  phrase: string;
  after: string;
}

/** Where one mark landed in its section's rendered text. */
export interface MarkPlacement {
  markId: string;
  kind: AnnotationKind;
  id: string;
  /** ¶n: the section's paragraph that holds the mark; absent in a table, list, quote or note. */
  paragraph?: number | undefined;
  /** The annotation's letter in this section (a, b, …, in the order first mentioned): its card's, and the mark's in print. */
  note: string;
  quote: Quote;
}

/**
 * What the Markdown step learned about a section while marking it, exported with the compiled
 * section (`render(entry).remarkPluginFrontmatter.digest`): the one source for "¶n" labels, quotes,
 * mention order and descriptions.
 */
export interface SectionDigest {
  /** The first paragraph's words, as a reader sees them (no ¶ link, no note numbers). */
  lead: string;
  /** Every mark, in reading order. */
  marks: MarkPlacement[];
}

/** The letter of the n-th annotation (from 0) a section mentions: a … z, then aa, ab, … */
export function noteLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : noteLetter(Math.floor(index / 26) - 1) + letter;
}

/** A section's annotations in the order first mentioned, each once: the order of its cards. */
export function notesInOrder(digest: SectionDigest): Array<Pick<MarkPlacement, 'kind' | 'id' | 'note'>> {
  const seen = new Set<string>();
  return digest.marks.filter((m) => !seen.has(m.note) && seen.add(m.note)).map(({ kind, id, note }) => ({ kind, id, note }));
}

/** The sidebar entry of an annotation inside one section: unique per page, even if mentioned in many sections. */
export function entryId(sectionId: string, kind: AnnotationKind, id: string): string {
  return `${sectionId}--${kind}-${id}`;
}

/**
 * The annotation an element id is about: a card beside the text (`entryId`) or an entry of the
 * events listing (`event-<id>`). Section ids are slugs, which never hold "--".
 */
export function annotationOfId(elementId: string): { kind: AnnotationKind; id: string } | undefined {
  const match = /(?:^|--)(event|issue)-(.+)$/.exec(elementId);
  return match ? { kind: match[1] as AnnotationKind, id: match[2]! } : undefined;
}

export function markId(kind: AnnotationKind, id: string, index: number): string {
  return `mark-${kind}-${id}-${index + 1}`;
}

export function sectionKey(article: string, section: string): string {
  return `${article}/${section}`;
}

/** The annotations of a collection's validated entries (events are titled, issues named). */
export function annotationsFrom(kind: AnnotationKind, entries: readonly RegistryEntry[]): Annotation[] {
  return entries.map((entry) => ({
    kind,
    id: entry.id,
    file: entry.filePath ?? entry.id,
    title: String(entry.data[kind === 'event' ? 'title' : 'name']),
    mentions: (entry.data['mentions'] as Mention[] | undefined) ?? [],
  }));
}

/** Group every mention by the section it points into. */
export function placeMentions(annotations: readonly Annotation[]): Map<string, PlacedMention[]> {
  const bySection = new Map<string, PlacedMention[]>();
  for (const a of annotations) {
    a.mentions.forEach((m, index) => {
      const key = sectionKey(m.article, m.section);
      const list = bySection.get(key) ?? [];
      list.push({ kind: a.kind, id: a.id, file: a.file, index, phrase: m.phrase, title: a.title, markId: markId(a.kind, a.id, index) });
      bySection.set(key, list);
    });
  }
  return bySection;
}

/**
 * A short quote around the words at `[start, start + length)` of `text`: up to `words` words on
 * each side, cut at word boundaries, with "…" where the text goes on.
 */
export function quoteAround(text: string, start: number, length: number, words = 8): Quote {
  const phrase = text.slice(start, start + length);
  // Words are short: a window of characters either side holds them, however long the block.
  const reach = words * 40;
  const left = text.slice(Math.max(0, start - reach), start);
  const right = text.slice(start + length, start + length + reach);
  const cutLeft = start > reach;
  const cutRight = start + length + reach < text.length;
  // A word cut by the window's edge is not a word of the quote.
  const leftWords = left.trim().split(/\s+/).filter(Boolean).slice(cutLeft ? 1 : 0);
  const rightWords = right.trim().split(/\s+/).filter(Boolean).slice(0, cutRight ? -1 : undefined);
  const spaceBefore = /\s$/.test(left) ? ' ' : '';
  const spaceAfter = /^\s/.test(right) ? ' ' : '';
  const before = leftWords.length === 0 ? '' : (leftWords.length > words || cutLeft ? '… ' : '') + leftWords.slice(-words).join(' ') + spaceBefore;
  const after = rightWords.length === 0 ? '' : spaceAfter + rightWords.slice(0, words).join(' ') + (rightWords.length > words || cutRight ? ' …' : '');
  return { before, phrase, after };
}
