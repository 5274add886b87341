/**
 * The words of an article's section as one string, with where each text node starts in it, and
 * the way between a DOM point and an offset in that string: what a quote is anchored in
 * (`lib/view/text-quote.ts`), for highlights and for links to quotes alike. The permalinks'
 * glyphs, buttons, figures and hidden labels are not the article's words and are left out.
 */
import { describeQuote, type TextQuote } from '../lib/view/text-quote.ts';

const LEFT_OUT = '.p-link, .anchor, button, figure, .editors-note, .visually-hidden';
export interface TextIndex {
  text: string;
  nodes: Array<{ node: Text; start: number }>;
}

export function textIndex(section: Element): TextIndex {
  const root = section.querySelector('.section-text') ?? section;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest(LEFT_OUT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
  const nodes: TextIndex['nodes'] = [];
  let text = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  return { text, nodes };
}

/** A DOM point as an offset in the index: the first text at or after it. */
export function offsetOf(index: TextIndex, container: Node, offset: number): number {
  const entry = index.nodes.find((e) => e.node === container);
  if (entry) return entry.start + offset;
  const point = document.createRange();
  point.setStart(container, offset);
  const after = index.nodes.find((e) => point.comparePoint(e.node, 0) >= 0);
  return after ? after.start : index.text.length;
}

/** The DOM range of the offsets `start` to `end` in the index. */
export function rangeOf(index: TextIndex, start: number, end: number): Range {
  const at = (offset: number, isEnd: boolean) => {
    const entry = [...index.nodes].reverse().find((e) => (isEnd ? e.start < offset : e.start <= offset)) ?? index.nodes[0]!;
    return [entry.node, Math.min(offset - entry.start, entry.node.length)] as const;
  };
  const range = document.createRange();
  range.setStart(...at(start, false));
  range.setEnd(...at(end, true));
  return range;
}

/** The words `range` selects in `section`, with their context, as a highlight keeps them. */
export function quoteOf(section: Element, range: Range): TextQuote {
  const index = textIndex(section);
  return describeQuote(index.text, offsetOf(index, range.startContainer, range.startOffset), offsetOf(index, range.endContainer, range.endOffset));
}
