/**
 * A thin layer over Pagefind's own `pagefind.js`: search as you type, results labelled by type,
 * section sub-results, an announced count and clear loading / empty / failed states. Shared by
 * the search dialog and the /search/ page. Result excerpts are rebuilt as text, keeping only
 * Pagefind's <mark>.
 */
import { countLabel, excerptSegments, sectionFragment, withHighlight, type Anchor } from '../lib/search.ts';
import { RESULT_TYPES } from '../lib/search-records.ts';
import searchCss from '../styles/search.css?inline';

// Search styles arrive with the search code; pages that never search never load them.
const sheet = new CSSStyleSheet();
sheet.replaceSync(searchCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
  anchors: Anchor[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}

const MAX_RESULTS = 10;
const TYPE_ORDER: string[] = [RESULT_TYPES.article, RESULT_TYPES.issue, RESULT_TYPES.event];
let pagefind: Promise<PagefindApi> | undefined;

/** Load Pagefind once, on the main thread (no worker download), ready to search. */
export function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await api.options({ noWorker: true, excerptLength: 24 });
    await api.init();
    return api;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

function excerptNode(excerpt: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'excerpt';
  for (const segment of excerptSegments(excerpt)) {
    if (segment.marked) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      p.append(mark);
    } else {
      p.append(segment.text);
    }
  }
  return p;
}

function link(href: string, text: string, className: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = className;
  return a;
}

function renderResult(data: PagefindData, query: string): HTMLLIElement {
  const type = data.filters['type']?.[0] ?? RESULT_TYPES.article;
  const li = document.createElement('li');
  li.className = 'result';
  const label = document.createElement('p');
  label.className = 'result-type';
  label.textContent = type;
  li.append(label);
  const title = data.meta['title'] ?? data.url;
  if (type === RESULT_TYPES.article && data.sub_results.length > 0) {
    // Link each matching section by its permalink; the main link opens the first one in the text.
    const subs = data.sub_results
      .map((sub) => {
        const fragment = sectionFragment(sub.locations, data.anchors);
        const base = data.url.split('#')[0] ?? data.url;
        return { sub, first: Math.min(...sub.locations), href: withHighlight(fragment ? `${base}#${fragment}` : sub.url, query) };
      })
      .sort((a, b) => a.first - b.first);
    li.append(link(subs[0]!.href, title, 'result-link'));
    const list = document.createElement('ul');
    list.className = 'sub-results';
    for (const { sub, href } of subs) {
      const item = document.createElement('li');
      item.append(link(href, sub.title === title ? 'Opening' : sub.title, 'result-link'), excerptNode(sub.excerpt));
      list.append(item);
    }
    li.append(list);
  } else {
    li.append(link(type === RESULT_TYPES.article ? withHighlight(data.url, query) : data.url, title, 'result-link'));
    if (data.meta['date']) {
      const date = document.createElement('p');
      date.className = 'result-date';
      date.textContent = data.meta['date'];
      li.append(date);
    }
    li.append(excerptNode(data.excerpt));
  }
  return li;
}

export interface SearchView {
  search(query: string): void;
  /** Start loading Pagefind now, so the first keystroke does not wait for it. */
  warm(): void;
}

export function createSearchView(elements: { status: HTMLElement; results: HTMLElement }): SearchView {
  const { status, results } = elements;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (message: string, state: string) => {
    status.textContent = message;
    status.dataset['state'] = state;
  };

  async function run(query: string, ticket: number) {
    let api: PagefindApi;
    try {
      api = await loadPagefind();
    } catch {
      if (ticket === sequence) {
        results.replaceChildren();
        show('Search failed to load. Check your connection and try again, or browse the Events and Issues pages.', 'failed');
      }
      return;
    }
    const found = await api.search(query);
    const items = found ? await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data())) : [];
    if (ticket !== sequence) return;
    items.sort((a, b) => TYPE_ORDER.indexOf(a.filters['type']?.[0] ?? '') - TYPE_ORDER.indexOf(b.filters['type']?.[0] ?? ''));
    results.replaceChildren(...items.map((item) => renderResult(item, query)));
    show(countLabel(found?.results.length ?? 0, query), items.length ? 'results' : 'empty');
  }

  return {
    warm: () => void loadPagefind().catch(() => undefined),
    search(query: string) {
      const ticket = ++sequence;
      clearTimeout(timer);
      if (query.trim() === '') {
        results.replaceChildren();
        show('', 'idle');
        return;
      }
      // One letter matches nearly everything and would fetch most of the index for nothing.
      if (query.trim().length < 2) {
        results.replaceChildren();
        show('Keep typing…', 'idle');
        return;
      }
      show('Searching…', 'loading');
      void loadPagefind().then((api) => api.preload(query), () => undefined);
      // A short debounce: fast typists do not search every letter, slow ones do not wait.
      timer = setTimeout(() => void run(query, ticket), 40);
    },
  };
}

/** Arrow keys move between the input and the result links; Enter follows the focused link. */
export function arrowNavigation(container: HTMLElement, input: HTMLInputElement): void {
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...container.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') (links[at + 1] ?? links[0])!.focus();
    else if (at <= 0) input.focus();
    else links[at - 1]!.focus();
  });
}
