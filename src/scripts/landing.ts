/**
 * Where the reader landed on arriving: the first search hit (`highlight.ts`), or else the element
 * the address's fragment names. A reading aid that reflows the page after that (`notes.ts`) brings
 * it back into view, until the reader moves on their own. A quote link opened where text
 * fragments are unknown lands on its section. (Part of the entry script: the quote-link module it
 * reads is then one every later script shares without a request of its own.)
 */
import { quotedSection } from '../lib/view/quote-link.ts';

let spot: { element: Element; block: ScrollLogicalPosition } | undefined;
let moved = false;
for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
  addEventListener(type, () => (moved = true), { once: true, passive: true });
}

/** Land on `element`, and remember it as the place to keep in view. */
export function land(element: Element, block: ScrollLogicalPosition, behavior: ScrollBehavior): void {
  spot = { element, block };
  element.scrollIntoView({ block, behavior });
}

/** After the page has reflowed: back to where the reader landed, unless they have moved since. */
export function keepLanding(): void {
  if (moved) return;
  const element = spot?.element ?? document.querySelector(':target');
  element?.scrollIntoView({ block: spot?.block ?? 'start', behavior: 'instant' });
}

// A quote link opened where text fragments are unknown still lands on its section.
const quoted = quotedSection(location.hash);
if (quoted) document.getElementById(quoted)?.scrollIntoView();
