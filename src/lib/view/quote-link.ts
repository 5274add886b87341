/**
 * Links to a quote: the section's permalink with a text fragment (`#section:~:text=…`). An engine
 * that knows text fragments lands on the words, or on the section when the words are gone; for
 * one that does not, the page's script reads the section out of the fragment (`quotedSection`).
 */

/** Text fragment words: "-", "," and "&" have meanings there, and brackets end a Markdown link, so they are escaped too. */
const words = (text: string) => encodeURIComponent(text).replace(/[-()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** Words next to a quote, from its own paragraph, that tell it from the same words elsewhere. */
export interface QuoteContext {
  /** The words just before it. */
  before?: string;
  /** The words just after it. */
  after?: string;
}

/**
 * The address of `text` in `section` of the page at `page`; a long quote by its first and last
 * four words. With words around it (`context`), they go in too (`prefix-,` and `,-suffix`): an
 * engine then lands on this place, not on the first place the same words appear.
 */
export function quoteLink(page: string, section: string, text: string, context: QuoteContext = {}): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  const directive = all.length <= 8 ? words(all.join(' ')) : `${words(all.slice(0, 4).join(' '))},${words(all.slice(-4).join(' '))}`;
  return `${page}#${section}:~:text=${context.before ? `${words(context.before)}-,` : ''}${directive}${context.after ? `,-${words(context.after)}` : ''}`;
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
