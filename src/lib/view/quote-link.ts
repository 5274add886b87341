/**
 * Links to a quote: the section's permalink with a text fragment (`#section:~:text=…`). An engine
 * that knows text fragments lands on the words, or on the section when the words are gone; for
 * one that does not, the page's script reads the section out of the fragment (`quotedSection`).
 */

/** Text fragment words: "-", "," and "&" have meanings there, so they are escaped too. */
const words = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

/** The address of `text` in `section` of the page at `page`; a long quote by its first and last four words. */
export function quoteLink(page: string, section: string, text: string): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  const directive = all.length <= 8 ? words(all.join(' ')) : `${words(all.slice(0, 4).join(' '))},${words(all.slice(-4).join(' '))}`;
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
