/**
 * What "the article, read in a browser" means for every test that checks it: the blocks a reader
 * sees, and the blocks the source says should be there. Engine-neutral: `readBlocksInPage` runs
 * inside the page through any driver's evaluate.
 */
import type { SourceArticle } from '../source.ts';

export const ARTICLE = '/south-korea-prepares-future-without-us/';

export interface Block {
  tag: string;
  text: string;
}

/** The source's body blocks and author note, as the tags the page renders them with. */
export function expectedBlocks(source: SourceArticle): Block[] {
  return [
    ...source.body.map((b) => ({ tag: b.kind === 'heading' ? 'h2' : 'p', text: b.text })),
    { tag: 'p', text: source.authorNote },
  ];
}

/**
 * Text blocks under `selector` as a reader sees them: section chrome (permalink anchors, buttons,
 * anything marked `data-pagefind-ignore`) removed and white space collapsed the way a browser
 * renders it. Blocks inside editor's notes, figures and sidebars are not the article's words.
 * Self-contained: it is serialised into the page.
 */
export function readBlocksInPage(selector: string): Block[] {
  return [...document.querySelectorAll(selector)]
    .filter((el) => !el.closest('.editors-note, figure, aside, details'))
    .map((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('[data-pagefind-ignore], button, .visually-hidden').forEach((n) => n.remove());
      return { tag: el.tagName.toLowerCase(), text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim() };
    });
}
