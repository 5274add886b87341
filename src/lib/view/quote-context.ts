/**
 * A link to quoted words in their context: the quote's text fragment with a few whole words of the
 * text around it (`prefix-,` and `,-suffix`), so an engine lands on this place and not on the
 * first place the same words appear. "Copy link to quote" and a highlight's link both make theirs
 * here, from the quote as anchored (`text-quote.ts`).
 */
import { quoteLink } from './quote-link.ts';
import { QUOTE_CONTEXT, type TextQuote } from './text-quote.ts';

/** How many words either side a link carries: enough to tell "South Korea" here from there. */
const CONTEXT_WORDS = 3;

/**
 * The whole words of a quote's context next to it, within its paragraph (a text fragment's context
 * does not reach into another block), or nothing where the quote starts or ends inside a word.
 * The context was cut at `QUOTE_CONTEXT` characters: where it was, its farthest word may be a part.
 */
export function contextWords(side: string, next: 'before' | 'after'): string {
  const lines = side.split('\n');
  const near = next === 'before' ? lines.at(-1)! : lines[0]!;
  if (next === 'before' ? /\S$/.test(near) : /^\w/.test(near)) return '';
  let tokens = near.trim().split(/\s+/).filter(Boolean);
  if (side.length >= QUOTE_CONTEXT && lines.length === 1) tokens = next === 'before' ? tokens.slice(1) : tokens.slice(0, -1);
  return (next === 'before' ? tokens.slice(-CONTEXT_WORDS) : tokens.slice(0, CONTEXT_WORDS)).join(' ');
}

/** The address of `quote` in `section` of the page at `page`, with the words around it. */
export function quoteLinkInContext(page: string, section: string, quote: TextQuote): string {
  return quoteLink(page, section, quote.exact, { before: contextWords(quote.prefix, 'before'), after: contextWords(quote.suffix, 'after') });
}
