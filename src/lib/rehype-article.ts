/**
 * Build-time rehype step for section MDX files:
 * - every top-level paragraph gets a stable id, `<section-id>-p<n>`, so one paragraph can be linked;
 * - every mention of an event or issue becomes a link to its sidebar entry, wrapping the exact
 *   words of the source (the text itself is never edited).
 * A mention whose words are missing, repeated or overlapping another fails the build.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { readAnnotations } from './annotation-files.ts';
import { entryId, placeMentions, sectionKey, type PlacedMention } from './mentions.ts';
import { formatProblem, type Problem } from './content-rules.ts';

export interface Options {
  contentRoot: string;
}

interface Frontmatter {
  id?: unknown;
  article?: unknown;
}

const placedCache = new Map<string, ReturnType<typeof placeMentions>>();

/**
 * Every section's mentions, read once per build: each of the build's MDX files is compiled with
 * this step, and reading every annotation file for each of them would grow with articles ×
 * annotations. The dev server reads them afresh, so edits to annotations show at once.
 */
function mentionsByRoot(contentRoot: string): ReturnType<typeof placeMentions> {
  if (process.env['NODE_ENV'] === 'development') return placeMentions(readAnnotations(contentRoot));
  let placed = placedCache.get(contentRoot);
  if (!placed) {
    placed = placeMentions(readAnnotations(contentRoot));
    placedCache.set(contentRoot, placed);
  }
  return placed;
}

export default function rehypeArticle({ contentRoot }: Options) {
  return (tree: Root, file: VFile) => {
    const frontmatter = ((file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter ?? {}) as Frontmatter;
    if (typeof frontmatter.id !== 'string' || typeof frontmatter.article !== 'string') return;
    const sectionId = frontmatter.id;

    let n = 0;
    for (const child of tree.children) {
      if (child.type !== 'element' || child.tagName !== 'p') continue;
      const id = `${sectionId}-p${++n}`;
      child.properties['id'] = id;
      // A discreet link so one paragraph can be shared; not article text, so not indexed.
      child.children.push({ type: 'text', value: ' ' }, {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['p-link'], ariaLabel: `Link to paragraph ${n}`, dataPagefindIgnore: '' },
        children: [{ type: 'text', value: '¶' }],
      });
    }

    const placed = mentionsByRoot(contentRoot).get(sectionKey(frontmatter.article, sectionId)) ?? [];
    const problems = placed.flatMap((mention) => wrapMention(tree, mention, sectionId, file.path));
    if (problems.length > 0) {
      throw new Error(`Mentions that cannot be marked (${problems.length}):\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    }
  };
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

function wrapMention(tree: Root, mention: PlacedMention, sectionId: string, sectionFile: string): Problem[] {
  const hits: Array<{ node: Text; parent: Element | Root; inMark: boolean }> = [];
  let total = 0;
  visitParents(tree, 'text', (node, ancestors) => {
    const count = node.value.split(mention.phrase).length - 1;
    if (count === 0) return;
    total += count;
    const parent = ancestors.at(-1) as Element | Root;
    const inMark = ancestors.some((a) => a.type === 'element' && (a as Element).tagName === 'a');
    hits.push({ node, parent, inMark });
  });
  const problem = (message: string): Problem[] => [
    { file: mention.file, field: `mentions[${mention.index}].phrase`, message: `"${mention.phrase}" ${message} (${sectionFile})` },
  ];
  if (total === 0 && blockTexts(tree).some((t) => t.includes(mention.phrase))) {
    return problem(`overlaps another mention in section "${sectionId}": choose words that no other event or issue marks`);
  }
  if (total === 0) {
    return problem(`is not in section "${sectionId}": copy the words exactly from the text, typography (’ “ ” –) included`);
  }
  if (total > 1) {
    return problem(`occurs ${total} times in section "${sectionId}": quote more words so it is found once`);
  }
  const hit = hits[0]!;
  if (hit.inMark) {
    return problem(`overlaps another mention in section "${sectionId}": choose words that no other event or issue marks`);
  }
  const at = hit.node.value.indexOf(mention.phrase);
  const mark: Element = {
    type: 'element',
    tagName: 'a',
    properties: {
      href: `#${entryId(sectionId, mention.kind, mention.id)}`,
      id: mention.markId,
      className: ['mark', `mark-${mention.kind}`],
      ariaDescribedBy: [`${entryId(sectionId, mention.kind, mention.id)}-title`],
    },
    children: [{ type: 'text', value: mention.phrase }],
  };
  const pieces: ElementContent[] = [
    { type: 'text', value: hit.node.value.slice(0, at) },
    mark,
    { type: 'text', value: hit.node.value.slice(at + mention.phrase.length) },
  ];
  const siblings = hit.parent.children as ElementContent[];
  siblings.splice(siblings.indexOf(hit.node), 1, ...pieces.filter((p) => p.type !== 'text' || p.value !== ''));
  return [];
}
