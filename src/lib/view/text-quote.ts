/**
 * Anchoring a reader's highlight by what it quotes: the W3C Web Annotation TextQuoteSelector
 * (the exact words, with a little text before and after). Found again in a section's text after
 * a rebuild, even where the words moved; where they are gone, not found (never a guess).
 * Pure string work: the page maps offsets to and from the DOM (`src/scripts/highlights.ts`).
 */

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Characters of context kept each side: enough to tell apart a phrase the text uses twice. */
export const QUOTE_CONTEXT = 32;

/** The quote of `text` from `start` to `end`, with its context. */
export function describeQuote(text: string, start: number, end: number, context = QUOTE_CONTEXT): TextQuote {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) };
}

/** How many characters two strings share, read from their ends (`fromEnd`) or their starts. */
function shared(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

/**
 * Where the quote stands in `text`: of every place its exact words occur, the one whose
 * surroundings match its prefix and suffix best (the first on a tie). Undefined where the words
 * no longer occur.
 */
export function locateQuote(text: string, quote: TextQuote): { start: number; end: number } | undefined {
  if (!quote.exact) return undefined;
  let best: { start: number; score: number } | undefined;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const score = shared(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix, true) + shared(text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length), quote.suffix, false);
    if (!best || score > best.score) best = { start: at, score };
  }
  return best && { start: best.start, end: best.start + quote.exact.length };
}
