/**
 * What the search index reads of an article page. Pagefind keeps every element with an id as an
 * anchor, with its text: each paragraph's words a second time and each mark's, in its memory
 * while it writes the index and in every result's fragment. Results use the anchors of sections
 * (`sectionFragment`, `sectionSpans`) and headings (Pagefind's sub-results) alone, so the copy
 * Pagefind reads keeps only those ids; the page served keeps all of its own.
 */

/** The elements whose ids the search results use. */
const SEARCH_ANCHORS = /^(?:section|h[1-6])$/i;
const TAG_NAME = /<([a-zA-Z][\w-]*)/y;
const ID = ' id="';

/**
 * `html` with the ids of every element but sections and headings left out; it may be the page's
 * bytes read as Latin-1, since all it looks for is ASCII. Each id is found by its words and its
 * tag by looking back: string search, where a pattern took 1.3 ms a page. Words in the text that
 * read `id="…"` stay, as does an id written another way (in single quotes, after a line break,
 * or after a value holding ">"): Pagefind then holds one anchor more.
 */
export function withSearchAnchorsOnly(html: string): string {
  let kept = '';
  let from = 0;
  for (let at = html.indexOf(ID); at >= 0; at = html.indexOf(ID, at + ID.length)) {
    const open = html.lastIndexOf('<', at);
    if (open < 0 || html.lastIndexOf('>', at) > open) continue;
    TAG_NAME.lastIndex = open;
    const name = TAG_NAME.exec(html)?.[1];
    if (name === undefined || SEARCH_ANCHORS.test(name)) continue;
    const end = html.indexOf('"', at + ID.length);
    if (end < 0) break;
    kept += html.slice(from, at);
    from = end + 1;
  }
  return kept + html.slice(from);
}
