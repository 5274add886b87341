/**
 * On landing from a search result (`?highlight=terms#section`), mark the terms in the article
 * text and bring the first one in the target section into view. The terms are untrusted text:
 * they are matched as plain strings and only ever inserted with `textContent`.
 */
import { matchRanges, queryTerms } from '../lib/search/query.ts';
import { land } from './landing.ts';

const SKIP = 'details, aside, figure, script, style, mark, button, [data-pagefind-ignore]';

/** The id a fragment names; a malformed escape (`#%`) is taken as written rather than thrown on. */
function fragmentId(hash: string): string {
  const raw = hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function highlightFromUrl(): void {
  const terms = queryTerms(new URLSearchParams(location.search).get('highlight') ?? '');
  const root = document.querySelector('[data-article-body]');
  if (!root || terms.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const ranges = matchRanges(node.data, terms);
    // Wrap from the end so earlier offsets stay valid.
    for (const [start, end] of ranges.reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = hit.data;
      hit.replaceWith(mark);
    }
  }
  const target = document.getElementById(fragmentId(location.hash));
  const first = (target ?? root).querySelector('mark.search-hit') ?? root.querySelector('mark.search-hit');
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (first) land(first, 'center', smooth ? 'smooth' : 'instant');
}
