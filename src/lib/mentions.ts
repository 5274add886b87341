/**
 * Mentions: an annotation (event or issue) points at exact words in a section. The words are
 * never copied into the text; a rehype step wraps them at build time. These helpers are shared by
 * that step, the content checks and the views, so ids and rules agree everywhere.
 */
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

/** The sidebar entry of an annotation inside one section: unique per page, even if mentioned in many sections. */
export function entryId(sectionId: string, kind: AnnotationKind, id: string): string {
  return `${sectionId}--${kind}-${id}`;
}

export function markId(kind: AnnotationKind, id: string, index: number): string {
  return `mark-${kind}-${id}-${index + 1}`;
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

/** How often `phrase` occurs in `text` (overlapping occurrences counted). */
export function countOccurrences(text: string, phrase: string): number {
  let count = 0;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) count++;
  return count;
}

/**
 * The reading text of an MDX section body, for phrase checks: MDX component lines (figures) and
 * imports removed, paragraphs joined with a break so a phrase cannot straddle two of them.
 */
export function bodyText(body: string): string {
  return body
    .split(/\n\s*\n/)
    .filter((block) => !/^\s*(<[A-Z]|import |export )/.test(block))
    // A paragraph's soft line breaks are spaces; the lines of a table or list stay lines.
    .map((block) => (isParagraphBlock(block) ? block.replace(/\s+/g, ' ').trim() : block.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n')))
    .join('\n\n');
}

/**
 * Whether a Markdown block renders as a top-level paragraph (`<p>`): the one definition of
 * "paragraph" behind the `<section>-p<n>` ids (rehype-article.ts numbers exactly these) and every
 * "¶n" label. Tables, lists, quotes, headings, notes and components are not paragraphs.
 */
export function isParagraphBlock(block: string): boolean {
  const text = block.trimStart();
  if (text === '') return false;
  return !/^(#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\||```|~~~|\[\^[^\]]+\]:|<|import\s|export\s|([-*_]\s*){3,}$)/.test(text);
}

/** A block's words without Markdown syntax: table pipes, list and quote markers, link targets, note marks. */
export function plainText(block: string): string {
  return block
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}/.test(line))
    .map((line) => line.replace(/^\s*(>\s*)+/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, '').replace(/^\s*#{1,6}\s+/, ''))
    .join(' ')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/(\*\*|__|\*|_)(\S[^*_]*?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Short quoted context around a phrase, for issue pages: "… words around the phrase …", as plain text. */
export function quoteContext(text: string, phrase: string, words = 8): { before: string; phrase: string; after: string } {
  const block = text.split('\n\n').find((b) => b.includes(phrase));
  if (block === undefined) return { before: '', phrase, after: '' };
  const plain = plainText(block);
  const at = plain.indexOf(phrase);
  if (at < 0) return { before: '', phrase, after: '' };
  const left = plain.slice(0, at).trim().split(/\s+/).filter(Boolean);
  const right = plain.slice(at + phrase.length).trim().split(/\s+/).filter(Boolean);
  const spaceBefore = /\s/.test(plain[at - 1] ?? '') ? ' ' : '';
  const spaceAfter = /\s/.test(plain[at + phrase.length] ?? '') ? ' ' : '';
  const before = left.length === 0 ? '' : (left.length > words ? '… ' : '') + left.slice(-words).join(' ') + spaceBefore;
  const after = right.length === 0 ? '' : spaceAfter + right.slice(0, words).join(' ') + (right.length > words ? ' …' : '');
  return { before, phrase, after };
}

/**
 * 1-based number of the paragraph holding `phrase`, matching the `<section>-p<n>` ids; undefined
 * when the phrase is in a block that is not a paragraph (a table, list or quote).
 */
export function paragraphOf(text: string, phrase: string): number | undefined {
  let n = 0;
  for (const block of text.split('\n\n')) {
    const paragraph = isParagraphBlock(block);
    if (paragraph) n++;
    if (block.includes(phrase)) return paragraph ? n : undefined;
  }
  return undefined;
}
