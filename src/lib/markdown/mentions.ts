/**
 * Mentions: an annotation points at exact words in a section. The words are never copied into
 * the text; the Markdown step (`rehype-marks.ts`) wraps them when it compiles the section and
 * records where each mark landed (its paragraph, its letter, the words around it): the section's
 * outline, kept with its HTML. Labels, quotes, card order and descriptions all come from that one
 * placement.
 */
import type { AnnotationKind } from '../content/kinds.ts';
import type { Mention } from '../content/schemas.ts';
import { markId } from './marks.ts';

export type { Mention };

/** What the Markdown step needs of an annotation to mark its words. */
export interface Annotation {
  kind: AnnotationKind;
  id: string;
  /** Its file, for messages. */
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
  /** The mark's element id: the target of back-links from the cards. */
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
 * What the Markdown step learned about a section while compiling it, kept with its HTML in the
 * content layer: the one source for "¶n" labels, quotes, card order and previews.
 */
export interface SectionOutline {
  /** The first paragraph's words, as a reader sees them (no ¶ link, no note numbers). */
  lead: string;
  /** Every mark, in reading order. */
  marks: MarkPlacement[];
  /** How many footnotes the section renders: the next section's notes are numbered after them. */
  notes: number;
  /** The figures it places, by name, in order. */
  figures: string[];
}

/** A section's annotations in the order first mentioned, each once: the order of its cards. */
export function notesInOrder(outline: Pick<SectionOutline, 'marks'>): Array<Pick<MarkPlacement, 'kind' | 'id' | 'note'>> {
  const seen = new Set<string>();
  return outline.marks.filter((m) => !seen.has(m.note) && seen.add(m.note)).map(({ kind, id, note }) => ({ kind, id, note }));
}

export function sectionKey(article: string, section: string): string {
  return `${article}/${section}`;
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
