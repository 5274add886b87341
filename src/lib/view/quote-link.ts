/**
 * Links to a quote: the section's permalink with a text fragment (`#section:~:text=…`). An engine
 * that knows text fragments lands on the words, or on the section when the words are gone; for
 * one that does not, the page's script reads the section out of the fragment (`quotedSection`).
 */

import { QUOTE_CONTEXT } from './text-quote.ts';

/** Text fragment words: "-", "," and "&" have meanings there, and brackets end a Markdown link, so they are escaped too. */
const words = (text: string) => encodeURIComponent(text).replace(/[-()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** Words beside a quote that tell it from the same words elsewhere: the text around it (a TextQuoteSelector's). */
export interface QuoteContext {
  prefix: string;
  suffix: string;
}

/** How many words of context a link carries either side: enough to tell "South Korea" here from there. */
const CONTEXT_WORDS = 3;

/**
 * The whole words of `side` next to the quote, within its paragraph (a fragment's context does not
 * reach into another block), or nothing where the quote starts or ends inside a word. `cut` says
 * the text was cut short at its far end, so its farthest word may be a part of one.
 */
function contextWords(side: string, next: 'before' | 'after', cut: boolean): string {
  const lines = side.split('\n');
  const near = next === 'before' ? lines.at(-1)! : lines[0]!;
  const whole = cut && lines.length === 1;
  if (next === 'before' ? /\S$/.test(near) : /^\w/.test(near)) return '';
  let tokens = near.trim().split(/\s+/).filter(Boolean);
  if (whole) tokens = next === 'before' ? tokens.slice(1) : tokens.slice(0, -1);
  return (next === 'before' ? tokens.slice(-CONTEXT_WORDS) : tokens.slice(0, CONTEXT_WORDS)).join(' ');
}

/**
 * The address of `text` in `section` of the page at `page`; a long quote by its first and last
 * four words. With the text around it (`context`, as much as a highlight keeps, 32 characters
 * either side: `QUOTE_CONTEXT`), a few words of it go in too (`prefix-,` and `,-suffix`): an engine then lands on
 * these words, not on the first place the same words appear.
 */
export function quoteLink(page: string, section: string, text: string, context?: QuoteContext, contextLength = QUOTE_CONTEXT): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  let directive = all.length <= 8 ? words(all.join(' ')) : `${words(all.slice(0, 4).join(' '))},${words(all.slice(-4).join(' '))}`;
  if (context) {
    const before = contextWords(context.prefix, 'before', context.prefix.length >= contextLength);
    const after = contextWords(context.suffix, 'after', context.suffix.length >= contextLength);
    if (before) directive = `${words(before)}-,${directive}`;
    if (after) directive = `${directive},-${words(after)}`;
  }
  return `${page}#${section}:~:text=${directive}`;
}

/**
 * The section a quote link names, when the fragment still carries its text directive (the engine
 * did not take it); anything else, malformed escapes included, names nothing.
 */
export function quotedSection(hash: string): string | undefined {
  const [target, directive] = hash.replace(/^#/, '').split(':~:');
  if (directive === undefined || !target) return undefined;
  try {
    return decodeURIComponent(target);
  } catch {
    return undefined;
  }
}
