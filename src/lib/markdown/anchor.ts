/**
 * One permalink anchor markup for every heading: rehype-autolink-headings uses it for headings in
 * MDX bodies, and `SectionHead.astro` renders the very same hast for the layout's section heads.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';

export function anchorLabel(sectionLabel: string): string {
  return `Link to section: ${sectionLabel}`;
}

export function anchorProperties(label: string, share?: string): Properties {
  return {
    className: ['anchor'],
    ariaLabel: anchorLabel(label),
    dataPagefindIgnore: '',
    ...(share ? { dataShare: share } : {}),
  };
}

/**
 * No text: the "#" is drawn by the style sheet, so reading modes that drop styles (Firefox Reader
 * View, read-later apps, feeds) show no stray glyph; the link keeps its name in `aria-label`.
 */
export const anchorContent: ElementContent[] = [];

export function anchorElement(href: string, label: string, share?: string): Element {
  return { type: 'element', tagName: 'a', properties: { href, ...anchorProperties(label, share) }, children: [...anchorContent] };
}

/** The wrapper rehype-autolink-headings puts around a heading and its anchor ("group"). */
export function sectionHeadGroup(): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['section-head'] }, children: [] };
}

export function anchorHtml(href: string, label: string, share?: string): string {
  return toHtml(anchorElement(href, label, share));
}
