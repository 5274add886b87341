/**
 * Pure helpers for the search UI: no DOM, so they are unit-tested and safe by construction.
 * Nothing from the URL or from results is ever treated as HTML; excerpts become text segments
 * with Pagefind's `<mark>` as the only structure kept.
 */

export interface Segment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Split a Pagefind excerpt into text segments; `<mark>` marks them, every other tag is dropped. */
export function excerptSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  let marked = false;
  for (const token of html.split(/(<[^>]*>)/)) {
    if (token.startsWith('<')) {
      if (/^<mark(\s[^>]*)?>$/i.test(token)) marked = true;
      else if (/^<\/mark\s*>$/i.test(token)) marked = false;
      continue;
    }
    if (token === '') continue;
    const text = decodeEntities(token);
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  }
  return segments;
}

export interface Anchor {
  element: string;
  id: string;
  location: number;
}

/**
 * The section a sub-result belongs to: the last `<section id>` that starts at or before its first
 * match. Pagefind links untitled content (our opening section) to the page top and titled
 * content to the heading; we link every sub-result to its section's permalink instead.
 */
export function sectionFragment(locations: readonly number[], anchors: readonly Anchor[]): string | undefined {
  const first = Math.min(...locations);
  let found: string | undefined;
  for (const anchor of [...anchors].sort((a, b) => a.location - b.location)) {
    if (anchor.element !== 'section') continue;
    if (anchor.location <= first) found = anchor.id;
  }
  return found;
}

/**
 * What of a query is searched, highlighted and announced: its first 100 characters. A longer one is
 * a paste or a crafted address: every word of it cost Pagefind a lookup (in WebKit a 10 KB ?q= took
 * twice as long as its first 100 characters) and the status repeated all of it.
 */
export function searchedText(query: string): string {
  return query.trim().slice(0, 100);
}

/** The query as search terms (`searchedText`); a "quoted phrase" is one term, as in Pagefind. */
export function queryTerms(query: string): string[] {
  const text = searchedText(query);
  return [...text.matchAll(/"([^"]*)"?|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter(Boolean);
}

/** A result link that asks the landing page to highlight the query: `/path/?highlight=a+b#frag`. */
export function withHighlight(url: string, query: string): string {
  const terms = queryTerms(query);
  if (terms.length === 0) return url;
  const [beforeHash = '', hash] = url.split('#', 2);
  const [path = '', search = ''] = beforeHash.split('?', 2);
  const params = new URLSearchParams(search);
  // Phrases keep their quotes, so the landing page marks the phrase, not its words.
  params.set('highlight', terms.map((t) => (/\s/.test(t) ? `"${t}"` : t)).join(' '));
  return `${path}?${params.toString()}${hash === undefined ? '' : `#${hash}`}`;
}

/** Ranges of `text` that match any term, case-insensitively; overlapping ranges merged. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    if (needle.length < 2) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * Results shown at a time: about what a search dialog shows on one screen. Each result is a file
 * of its own to fetch, so the first search of a large archive costs this many, and more come
 * only when the reader asks (#17).
 */
export const RESULTS_PAGE = 10;

/** The button that shows the next page of results, saying how many there are in all. */
export function moreLabel(shown: number, total: number): string {
  return `Show ${Math.min(RESULTS_PAGE, total - shown)} more (${shown} of ${total} shown)`;
}

/** "1 result", "5 results": the announced count. */
export function countLabel(count: number, query: string): string {
  return `${count === 0 ? 'No' : count} result${count === 1 ? '' : 's'} for “${query.trim()}”`;
}
