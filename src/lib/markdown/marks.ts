/**
 * What a mark is, in one place: the link the Markdown step wraps around the words an annotation
 * names (its element, classes and id), the id of the card it points to, and how to read an id
 * back. The Markdown step, the cards, the listings, search results and the browser scripts all use
 * these, so the ids always agree.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';

/** What the browser scripts look for: every mark, and its kind in `data-kind`. */
export const MARK_SELECTOR = 'a.mark';

/** The id of the n-th (from 0) mention of an annotation: the target of "Mentioned in" links. */
export function markId(kind: AnnotationKind, id: string, index: number): string {
  return `mark-${kind}-${id}-${index + 1}`;
}

/** The id of an annotation's card beside a section: unique on the page, even when several sections mention it. */
export function cardId(sectionId: string, kind: AnnotationKind, id: string): string {
  return `${sectionId}--${kind}-${id}`;
}

/** The id of an annotation's entry on a page that lists entries of its kind (`/events/`). */
export function entryId(kind: AnnotationKind, id: string): string {
  return `${kind}-${id}`;
}

const ID_PATTERN = new RegExp(`(?:^|--)(${KINDS.join('|')})-(.+)$`);

/**
 * The annotation an element id is about: a card beside the text (`cardId`) or an entry of a
 * listing (`entryId`). Section ids are slugs, which never hold "--".
 */
export function annotationOfId(elementId: string): { kind: AnnotationKind; id: string } | undefined {
  const match = ID_PATTERN.exec(elementId);
  return match ? { kind: match[1] as AnnotationKind, id: match[2]! } : undefined;
}

/** The letter of the n-th annotation (from 0) a section mentions: a … z, then aa, ab, … */
export function noteLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : noteLetter(Math.floor(index / 26) - 1) + letter;
}

/**
 * The mark itself: a link from the words to the card beside the section, described by the card's
 * title for screen readers, underlined as its kind's table entry says, lettered for print.
 */
export function markElement(mark: { kind: AnnotationKind; id: string; markId: string; sectionId: string; note?: string }, words: ElementContent[]): Element {
  const card = cardId(mark.sectionId, mark.kind, mark.id);
  return h(
    'a',
    {
      href: `#${card}`,
      id: mark.markId,
      className: ['mark', `mark-${mark.kind}`],
      ariaDescribedBy: [`${card}-title`],
      dataUnderline: ANNOTATION_KINDS[mark.kind].underline,
      dataNote: mark.note,
    },
    words,
  );
}
