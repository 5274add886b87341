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

/**
 * Cards beside the text that are out of place at the width the page is read at: each must sit
 * within a line-height of its first mention, or directly below the card before it; none may
 * overlap the one before or run into the next section. With `settled`, only whether nothing is
 * out of place (a wait needs a false value until then). Self-contained: serialised into the page.
 */
export function notesOutOfPlaceInPage(settled?: 'settled'): string[] | boolean {
  const found: string[] = [];
  for (const section of document.querySelectorAll('[data-article-body] .article-section')) {
    let previous: DOMRect | null = null;
    for (const item of section.querySelectorAll('.cards > li')) {
      const card = item.firstElementChild as HTMLElement;
      const box = card.getBoundingClientRect();
      const mark = section.querySelector(`.section-text a[href="#${CSS.escape(card.id)}"]`);
      const line = mark?.getClientRects()[0];
      if (!mark || !line) {
        found.push(`${card.id}: no mention in its section`);
        continue;
      }
      const lineHeight = parseFloat(getComputedStyle(mark.parentElement!).lineHeight);
      const gap = parseFloat(getComputedStyle(item.parentElement!).rowGap) || 0;
      const beside = Math.abs(box.top - line.top) <= lineHeight;
      const stacked = previous !== null && box.top > line.top && Math.abs(box.top - (previous.bottom + gap)) <= 2;
      if (!beside && !stacked) found.push(`${card.id}: top ${Math.round(box.top)}, its first mention ${Math.round(line.top)}`);
      if (previous && box.top < previous.bottom - 0.5) found.push(`${card.id} overlaps the card before it`);
      previous = box;
    }
    const next = section.nextElementSibling;
    if (previous && next && previous.bottom > next.getBoundingClientRect().top) found.push(`${section.id}: its cards run into the next section`);
  }
  return settled ? found.length === 0 : found;
}

/** Whether the element `selector` names is in the viewport, wholly (a landing the reader can see). Self-contained. */
export function landedInViewInPage(selector: string): boolean {
  const element = document.querySelector(selector);
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
}

/**
 * What untrusted text from the URL managed to do to the page: a script it carried ran (it sets
 * `window.__pwned`), or markup it carried became elements where only text belongs. Self-contained.
 */
export function hostileEffectsInPage(): { pwned: number | null; injected: number } {
  return {
    pwned: (window as { __pwned?: number }).__pwned ?? null,
    injected: document.querySelectorAll('main img, main script:not([src]), main iframe, [data-search-results] *:not(li, p, a, ul, mark, h2)').length,
  };
}
