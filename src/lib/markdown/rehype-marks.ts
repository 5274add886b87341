/**
 * The rehype step that decides where annotations sit in the text, for one section:
 * - every top-level paragraph gets a stable id, `<section-id>-p<n>` (this numbering is what "¶n"
 *   means everywhere), and a discreet ¶ link;
 * - every mention of an annotation becomes a mark (`marks.ts`) wrapping the exact words of the
 *   source (the text itself is never edited); a mention whose words are missing, repeated or
 *   overlapping another fails the build, naming the annotation's file and field;
 * - what it placed is the section's outline (`SectionOutline`, in `file.data.outline`): each
 *   mark's paragraph, letter and surrounding words, in reading order, and the first paragraph's
 *   words. Pages, cards, listings and share previews read that instead of re-reading the Markdown.
 * The section and the mentions to mark come with the file (`file.data.section`, see pipeline.ts).
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { h } from 'hastscript';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { ContentError, type Problem } from '../content/rules.ts';
import { markElement, noteLetter } from './marks.ts';
import { quoteAround, type MarkPlacement, type PlacedMention, type SectionOutline } from './mentions.ts';
import type { SectionInput } from './pipeline.ts';

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';
const hasClass = (node: Element, name: string) => Array.isArray(node.properties['className']) && node.properties['className'].includes(name);

export default function rehypeMarks() {
  return (tree: Root, file: VFile) => {
    const section = (file.data as { section?: SectionInput }).section;
    if (!section) return;
    const sectionId = section.id;

    const paragraphs = new Map<RootContent, number>();
    for (const child of tree.children) {
      if (!isElement(child) || child.tagName !== 'p') continue;
      const n = paragraphs.size + 1;
      paragraphs.set(child, n);
      const id = `${sectionId}-p${n}`;
      child.properties['id'] = id;
      // A discreet link so one paragraph can be shared; not article text, so not indexed. Its ¶
      // is drawn by the style sheet, so reading modes that drop styles show none.
      child.children.push({ type: 'text', value: ' ' }, h('a', { href: `#${id}`, className: ['p-link'], ariaLabel: `Link to paragraph ${n}`, dataPagefindIgnore: '' }));
    }

    const marks = new Map<Element, PlacedMention>();
    const problems: Problem[] = [];
    const runs = textRuns(tree);
    for (const mention of section.mentions) {
      const placed = wrapMention(tree, runs, mention, sectionId, section.file);
      if ('problem' in placed) problems.push(placed.problem);
      else marks.set(placed.mark, mention);
    }
    if (problems.length > 0) throw new ContentError(problems);
    const outline = outlineOf(tree, paragraphs, marks);
    (file.data as { outline?: Omit<SectionOutline, 'notes' | 'figures'> }).outline = outline;
  };
}

/** Elements whose words are not the author's: the ¶ links and footnote numbers this build adds. */
function isChrome(node: Element): boolean {
  return hasClass(node, 'p-link') || 'dataFootnoteRef' in node.properties;
}

/** The words of a block as a reader sees them, and where `target` starts in them. */
function readingText(block: Element, target?: Element): { text: string; at: number } {
  let text = '';
  let at = -1;
  const walk = (node: ElementContent) => {
    if (node.type === 'text') text += node.value;
    else if (isElement(node) && !isChrome(node)) {
      if (node === target) at = text.length;
      node.children.forEach(walk);
    }
  };
  block.children.forEach(walk);
  return { text, at };
}

/** Where a quote around a mark is taken from: its nearest block, not the whole table or list. */
const QUOTE_BLOCKS = /^(p|li|td|th|dd|dt|caption|figcaption|h[1-6])$/;

function outlineOf(tree: Root, paragraphs: ReadonlyMap<RootContent, number>, marks: ReadonlyMap<Element, PlacedMention>): Omit<SectionOutline, 'notes' | 'figures'> {
  const placements: MarkPlacement[] = [];
  const letters = new Map<string, string>();
  visitParents(tree, 'element', (node, ancestors) => {
    const mention = marks.get(node);
    if (!mention) return undefined;
    const annotation = `${mention.kind}-${mention.id}`;
    if (!letters.has(annotation)) letters.set(annotation, noteLetter(letters.size));
    const note = letters.get(annotation)!;
    // Print shows it as the mark's superscript, matching the letter before its card.
    node.properties['dataNote'] = note;
    const top = ancestors[1] as RootContent | undefined;
    const block = [...ancestors].reverse().find((a): a is Element => isElement(a) && QUOTE_BLOCKS.test(a.tagName)) ?? (isElement(top) ? top : undefined);
    const { text, at } = block ? readingText(block, node) : { text: mention.phrase, at: 0 };
    placements.push({
      markId: mention.markId,
      kind: mention.kind,
      id: mention.id,
      paragraph: top === undefined ? undefined : paragraphs.get(top),
      note,
      quote: quoteAround(text.replace(/\s+$/, ''), at, mention.phrase.length),
    });
    return 'skip';
  });
  const first = tree.children.find((c): c is Element => paragraphs.has(c) && isElement(c));
  return { lead: first ? readingText(first).text.replace(/\s+/g, ' ').trim() : '', marks: placements };
}

/** The plain text of each top-level block, across the links already inserted. */
function blockTexts(tree: Root): string[] {
  return tree.children.map((block) => {
    let text = '';
    visitParents(block, 'text', (node) => {
      text += node.value;
    });
    return text;
  });
}

/** A run of text in the section, in reading order, and whether it is inside a link (a mark, a note, a URL). */
interface TextRun {
  node: Text;
  parent: Element | Root;
  inLink: boolean;
}

/** The section's text runs, read once; marking a phrase replaces its run with the pieces around the mark. */
function textRuns(tree: Root): TextRun[] {
  const runs: TextRun[] = [];
  visitParents(tree, 'text', (node, ancestors) => {
    runs.push({ node, parent: ancestors.at(-1) as Element | Root, inLink: ancestors.some((a) => isElement(a) && a.tagName === 'a') });
  });
  return runs;
}

function wrapMention(tree: Root, runs: TextRun[], mention: PlacedMention, sectionId: string, sectionFile: string): { mark: Element } | { problem: Problem } {
  const hits: number[] = [];
  let total = 0;
  runs.forEach((run, index) => {
    const count = run.node.value.split(mention.phrase).length - 1;
    if (count === 0) return;
    total += count;
    hits.push(index);
  });
  const problem = (message: string) => ({
    problem: { file: mention.file, field: `mentions[${mention.index}].phrase`, message: `"${mention.phrase}" ${message} (${sectionFile})` },
  });
  const overlaps = problem(
    `overlaps another mention, or crosses a link, emphasis or note mark, in section "${sectionId}": choose words that no other event or issue marks, within one run of plain text`,
  );
  if (total === 0 && blockTexts(tree).some((t) => t.includes(mention.phrase))) return overlaps;
  if (total === 0) {
    return problem(`is not in section "${sectionId}": copy the words exactly from the text, typography (’ “ ” –) included`);
  }
  if (total > 1) {
    return problem(`occurs ${total} times in section "${sectionId}": quote more words so it is found once`);
  }
  const index = hits[0]!;
  const hit = runs[index]!;
  if (hit.inLink) return overlaps;
  const at = hit.node.value.indexOf(mention.phrase);
  const inner: Text = { type: 'text', value: mention.phrase };
  const mark = markElement({ ...mention, sectionId }, [inner]);
  const before: Text = { type: 'text', value: hit.node.value.slice(0, at) };
  const after: Text = { type: 'text', value: hit.node.value.slice(at + mention.phrase.length) };
  const pieces = [before, mark, after].filter((p) => p.type !== 'text' || p.value !== '');
  const siblings = hit.parent.children as ElementContent[];
  siblings.splice(siblings.indexOf(hit.node), 1, ...pieces);
  runs.splice(
    index,
    1,
    ...[before, inner, after].filter((t) => t.value !== '').map((node) => ({ node, parent: node === inner ? mark : hit.parent, inLink: hit.inLink || node === inner })),
  );
  return { mark };
}
