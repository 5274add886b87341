/**
 * Build-time rehype step that makes one section's HTML fit on a page with the other sections:
 * - footnotes are numbered across the whole article (a section's first note follows the last
 *   note of the sections before it), with ids prefixed by the section id, so references, notes
 *   and back-links are unique on the page and each back-link returns to its own mark; the
 *   "Footnotes" label is visually hidden and named for the section. Notes stay at the end of their
 *   section: beside the words they annotate, and inside the section a share link opens on;
 * - sub-headings (`###` and deeper) get ids prefixed by the section id, unique on the page;
 * - tables scroll inside their own labelled, focusable box, so a wide table never widens the page;
 *   their columns' alignment is a class (`align-right`), which the stylesheet honours.
 * Runs before the heading-id and autolink steps, which keep the ids it sets. The section comes
 * with the file (`file.data.section`, see pipeline.ts); the notes it rendered go back in `file.data.notes`.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { SectionInput } from './pipeline.ts';

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';
const classes = (el: Element) => (Array.isArray(el.properties['className']) ? el.properties['className'].map(String) : []);

export default function rehypeStructure() {
  return (tree: Root, file: VFile) => {
    const section = (file.data as { section?: SectionInput }).section;
    if (!section) return;
    const { id: sectionId, label } = section;

    const notes = renumberFootnotes(tree, sectionId, label, section.noteOffset);
    (file.data as { notes?: number }).notes = notes;

    const slugger = new GithubSlugger();
    let tables = 0;
    visitParents(tree, 'element', (node, ancestors) => {
      if (/^h[3-6]$/.test(node.tagName) && !ancestors.some((a) => isElement(a) && a.tagName === 'section')) {
        node.properties['id'] = `${sectionId}-${slugger.slug(toString(node))}`;
      }
      if (node.tagName === 'table') {
        // GFM's column alignment, as a class: the CSP allows no inline style, and `align` is obsolete.
        visitParents(node, 'element', (cell) => {
          if ((cell.tagName === 'th' || cell.tagName === 'td') && typeof cell.properties['align'] === 'string') {
            cell.properties['className'] = [...classes(cell), `align-${cell.properties['align']}`];
            delete cell.properties['align'];
          }
        });
        const parent = ancestors.at(-1) as Element | Root;
        const index = parent.children.indexOf(node);
        const box: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'group', tabIndex: 0, ariaLabel: `Table ${++tables} in ‘${label}’` },
          children: [node],
        };
        parent.children[index] = box;
        return 'skip';
      }
      return undefined;
    });
  };
}

/**
 * remark-rehype numbers each file's notes from 1 with fixed ids (`user-content-fn-1`,
 * `footnote-label`): on a page of several sections they would repeat. Give them the section's
 * prefix and the article-wide number.
 */
function renumberFootnotes(tree: Root, sectionId: string, label: string, offset: number): number {
  const numberOf = new Map<string, number>();
  const labelId = `${sectionId}-notes`;
  const renameHref = (href: string) =>
    href.replace(/^#user-content-fn-(.+)$/, (_, key: string) => `#${sectionId}-fn-${numberOf.get(key) ?? key}`)
      .replace(/^#user-content-fnref-(.+?)(-\d+)?$/, (_, key: string, repeat = '') => `#${sectionId}-fnref-${numberOf.get(key) ?? key}${repeat}`);

  // References appear in reading order; remark-rehype numbers notes in that order too.
  visitParents(tree, 'element', (node) => {
    const id = node.properties['id'];
    if (node.tagName === 'a' && typeof id === 'string' && id.startsWith('user-content-fnref-')) {
      const [, key = '', repeat = ''] = /^user-content-fnref-(.+?)(-\d+)?$/.exec(id) ?? [];
      if (!numberOf.has(key)) numberOf.set(key, offset + numberOf.size + 1);
      const n = numberOf.get(key)!;
      node.properties['id'] = `${sectionId}-fnref-${n}${repeat}`;
      node.properties['href'] = renameHref(String(node.properties['href'] ?? ''));
      node.properties['ariaDescribedBy'] = [labelId];
      node.children = [{ type: 'text', value: String(n) }];
    }
  });
  if (numberOf.size === 0) return 0;

  visitParents(tree, 'element', (node) => {
    const id = node.properties['id'];
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties) {
      node.properties['className'] = [...classes(node), 'section-notes'];
      node.properties['ariaLabelledBy'] = [labelId];
    }
    if (/^h\d$/.test(node.tagName) && id === 'footnote-label') {
      node.properties['id'] = labelId;
      node.properties['className'] = ['visually-hidden'];
      node.children = [{ type: 'text', value: `Notes to ‘${label}’` }];
    }
    if (node.tagName === 'ol' && isNotesList(node)) node.properties['start'] = offset + 1;
    if (node.tagName === 'li' && typeof id === 'string' && id.startsWith('user-content-fn-')) {
      const key = id.slice('user-content-fn-'.length);
      node.properties['id'] = `${sectionId}-fn-${numberOf.get(key) ?? key}`;
    }
    if (node.tagName === 'a' && 'dataFootnoteBackref' in node.properties) {
      node.properties['href'] = renameHref(String(node.properties['href'] ?? ''));
      const n = /-fnref-(\d+)/.exec(String(node.properties['href']))?.[1];
      if (n) node.properties['ariaLabel'] = `Back to the mark of note ${n}`;
    }
  });
  return numberOf.size;
}

function isNotesList(node: Element): boolean {
  return node.children.some((c: ElementContent) => isElement(c) && c.tagName === 'li' && String(c.properties['id'] ?? '').startsWith('user-content-fn-'));
}
