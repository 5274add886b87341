/**
 * "Copy link to quote" with the words around the quote: loaded when a selection is first offered
 * (the offer's own script stays small), so the link is ready before the reader presses the button.
 */
import { quoteLinkInContext } from '../lib/view/quote-context.ts';
import { quoteOf } from './text-index.ts';

/** The link to the words `range` selects in `section` of the page at `page`. */
export function linkToRange(page: string, section: Element, range: Range): string {
  return quoteLinkInContext(page, section.id, quoteOf(section, range));
}
