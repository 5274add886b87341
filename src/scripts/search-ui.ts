/**
 * A thin layer over Pagefind's own `pagefind.js`: search as you type, results grouped by article
 * (sections densest first, `src/lib/search/groups.ts`) then each kind of annotation, optional filters
 * with counts, an announced count and clear loading / empty / failed states. Shared by the search
 * dialog and the /search/ page. Excerpts are rebuilt as text, keeping only Pagefind's <mark>.
 */
import { countLabel, excerptSegments, moreLabel, RESULTS_PAGE, searchedText } from '../lib/search/query.ts';
import { groupResults, type Hit, type PagefindData, type ResultGroup } from '../lib/search/groups.ts';
import { SEARCH_FILTERS, shownValues } from '../lib/search/filters.ts';
import { ANNOTATION_KINDS, KINDS } from '../lib/content/kinds.ts';
import { routes } from '../lib/routing/routes.ts';
import searchCss from '../styles/search.css?inline';

// Search styles arrive with the search code; pages that never search never load them.
const sheet = new CSSStyleSheet();
sheet.replaceSync(searchCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** Filter name → chosen values (any of them matches). */
export type Selection = Partial<Record<keyof typeof SEARCH_FILTERS, string[]>>;
type Counts = Record<string, Record<string, number>>;

interface PagefindResponse {
  results: Array<{ data(): Promise<PagefindData> }>;
  filters: Counts;
  totalFilters: Counts;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  preload(term: string): Promise<void>;
  search(term: string, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindResponse | null>;
}

const FILTER_LABELS: Record<keyof typeof SEARCH_FILTERS, string> = { type: 'Type', article: 'Article' };
let pagefind: Promise<PagefindApi> | undefined;
let keptForOffline = false;

/**
 * The reader has searched online: ask the service worker to keep search for offline use (once a
 * page), unless they asked their browser to save data.
 */
function keepSearchOffline(): void {
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;
  if (keptForOffline || saveData || !navigator.onLine) return;
  keptForOffline = true;
  // To the active worker, whether or not it controls this page yet (a first visit).
  void navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({ type: 'keep-search' }));
}

/** Requests for Pagefind's index and filter chunks that failed since this module loaded. */
let indexFailures = 0;

/** The absolute address a fetch asks for; '' for one it cannot read (fetch rejects it as it always has). */
function addressOf(input: RequestInfo | URL): string {
  try {
    return input instanceof Request ? input.url : new URL(input, location.href).href;
  } catch {
    return '';
  }
}

/**
 * Pagefind catches an index chunk that fails to load (a deploy replaced the index, the connection
 * dropped), logs it and searches without it: the reader would read "No results" for words the
 * archive has. It offers no hook, and resource timing gives no status in WebKit, so the page's
 * fetch is watched for those files alone; every request goes through unchanged.
 */
function watchIndexRequests(): void {
  const folders = ['index/', 'filter/'].map((folder) => new URL(`${routes.pagefind()}${folder}`, location.href).href);
  const platformFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const response = platformFetch(input, init);
    const address = addressOf(input);
    if (!folders.some((folder) => address.startsWith(folder))) return response;
    return response.then(
      (r) => {
        if (!r.ok) indexFailures++;
        return r;
      },
      (error: unknown) => {
        indexFailures++;
        throw error;
      },
    );
  };
}
// This module loads once a page, when the reader heads for search: before Pagefind can fetch.
watchIndexRequests();

/** Load Pagefind once, on the main thread (no worker download), ready to search. */
export function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const url = `${routes.pagefind()}pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // The index records site paths; results link under the base path.
    await api.options({ noWorker: true, excerptLength: 24, baseUrl: routes.home() });
    await api.init();
    return api;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function excerptNode(excerpt: string): HTMLParagraphElement {
  const p = element('p', 'excerpt');
  for (const segment of excerptSegments(excerpt)) {
    p.append(segment.marked ? element('mark', '', segment.text) : segment.text);
  }
  return p;
}

function hitNode(hit: Hit): HTMLLIElement {
  const li = element('li', 'hit');
  const a = element('a', 'result-link', hit.title);
  a.href = hit.href;
  li.append(a);
  li.append(excerptNode(hit.excerpt));
  return li;
}

function groupNode(group: ResultGroup, headingLevel: number): HTMLLIElement {
  const li = element('li', 'result-group');
  li.dataset['kind'] = group.kind;
  const heading = element(`h${headingLevel}` as 'h2', 'group-title', group.title);
  const list = element('ul', 'hits');
  list.append(...group.hits.map(hitNode));
  li.append(heading, list);
  return li;
}

export interface SearchView {
  search(query: string, selection?: Selection): void;
  /** Start loading Pagefind now, so the first keystroke does not wait for it. */
  warm(): void;
}

export interface SearchElements {
  status: HTMLElement;
  results: HTMLElement;
  /** Where filter checkboxes go (the /search/ page); the dialog has none. */
  filters?: HTMLElement | undefined;
  /** Heading level of each group's title, below the surrounding heading. */
  headingLevel: 2 | 3;
  /** Called when the reader changes a filter. */
  onSelect?: ((selection: Selection) => void) | undefined;
}

function renderFilters(container: HTMLElement, counts: Counts, selection: Selection, onSelect: (s: Selection) => void) {
  const sets = (Object.keys(SEARCH_FILTERS) as Array<keyof typeof SEARCH_FILTERS>).flatMap((name) => {
    const values = shownValues(Object.entries(counts[SEARCH_FILTERS[name]] ?? {}), selection[name] ?? []);
    if (values.length < 2 && !selection[name]?.length) return [];
    const fieldset = element('fieldset', 'search-filter');
    fieldset.append(element('legend', '', FILTER_LABELS[name]));
    for (const [value, count] of values) {
      const label = element('label', '');
      const box = element('input', '');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = selection[name]?.includes(value) ?? false;
      box.addEventListener('change', () => {
        const chosen: Selection = {};
        for (const key of Object.keys(SEARCH_FILTERS) as Array<keyof typeof SEARCH_FILTERS>) {
          chosen[key] = [...container.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((b) => b.value);
        }
        onSelect(chosen);
      });
      label.append(box, ` ${value} `, element('span', 'count', `(${count})`));
      fieldset.append(label);
    }
    return [fieldset];
  });
  container.replaceChildren(...sets);
}

function emptyNode(): HTMLLIElement {
  const li = element('li', 'search-empty');
  const p = element('p', '', 'Try fewer or other words, or browse the ');
  KINDS.forEach((kind, i) => {
    const link = element('a', '', ANNOTATION_KINDS[kind].plural);
    link.href = routes.kind(kind);
    p.append(...(i === 0 ? [] : [i === KINDS.length - 1 ? ' and ' : ', ']), link);
  });
  p.append(' pages.');
  li.append(p);
  return li;
}

export function createSearchView(elements: SearchElements): SearchView {
  const { status, results } = elements;
  let sequence = 0;
  let filterIndex: Promise<unknown> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (message: string, state: string) => {
    status.textContent = message;
    status.dataset['state'] = state;
  };

  /** What the current search has found, and how many of its results are loaded and shown. */
  let shown: { query: string; found: PagefindResponse; items: PagefindData[]; unavailable: number } | undefined;

  /** The next page of results' fragments; one that cannot load (offline) counts as unavailable. */
  async function loadPage(found: PagefindResponse, from: number): Promise<{ items: PagefindData[]; unavailable: number }> {
    const settled = await Promise.allSettled(found.results.slice(from, from + RESULTS_PAGE).map((r) => r.data()));
    const items = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    return { items, unavailable: settled.length - items.length };
  }

  function render(): void {
    if (!shown) return;
    const { found, items, unavailable, query } = shown;
    const nodes: HTMLLIElement[] = groupResults(items, query).map((g) => groupNode(g, elements.headingLevel));
    // Offline, results in articles this device has not saved cannot be shown: say so, once.
    if (unavailable > 0) {
      nodes.push(element('li', 'search-unavailable', `${unavailable} more result${unavailable === 1 ? ' needs' : 's need'} a connection: ${unavailable === 1 ? 'it is' : 'they are'} in pages not saved on this device.`));
    }
    const total = found.results.length;
    const loaded = items.length + unavailable;
    if (total === 0) nodes.push(emptyNode());
    else if (loaded < total) {
      // Results come a page at a time, as the reader asks: each page costs a file per result.
      const li = element('li', 'search-more');
      const button = element('button', '', moreLabel(loaded, total));
      button.type = 'button';
      button.addEventListener('click', () => void showMore());
      li.append(button);
      nodes.push(li);
    }
    results.replaceChildren(...nodes);
  }

  async function showMore(): Promise<void> {
    const current = shown;
    if (!current) return;
    const ticket = sequence;
    const before = new Set([...results.querySelectorAll<HTMLAnchorElement>('a.result-link')].map((a) => a.href));
    const page = await loadPage(current.found, current.items.length + current.unavailable);
    if (ticket !== sequence || shown !== current) return;
    current.items.push(...page.items);
    current.unavailable += page.unavailable;
    render();
    // Focus moves to the first result this page added, where a keyboard reader reads on.
    [...results.querySelectorAll<HTMLAnchorElement>('a.result-link')].find((a) => !before.has(a.href))?.focus();
  }

  const showFailed = () => {
    shown = undefined;
    // The filter index may be what failed: the next search asks for it again.
    filterIndex = undefined;
    results.replaceChildren();
    show(`Search failed to load. Check your connection and try again, or browse the ${KINDS.map((kind) => ANNOTATION_KINDS[kind].plural).join(', ')} pages.`, 'failed');
  };

  /** `failuresBefore`: failed index requests when the reader asked, so this search's own are told apart. */
  async function run(query: string, selection: Selection, ticket: number, failuresBefore: number) {
    let api: PagefindApi;
    try {
      api = await loadPagefind();
    } catch {
      if (ticket === sequence) showFailed();
      return;
    }
    const filters = Object.fromEntries(
      Object.entries(selection)
        .filter(([, values]) => values && values.length > 0)
        .map(([name, values]) => [SEARCH_FILTERS[name as keyof typeof SEARCH_FILTERS], { any: values! }]),
    );
    // Pagefind counts filter values in results only once their index is loaded. Only a view that
    // shows the counts (the /search/ page) loads it: at 10,000 articles it is 547 KB, twice the
    // rest of a search (#17).
    if (elements.filters) await (filterIndex ??= api.filters().catch(() => undefined));
    const found = (await api.search(query, { filters })) ?? { results: [], filters: {}, totalFilters: {} };
    // Part of the index did not load: what was found is not what the archive holds, and its
    // results are not worth fetching. Pagefind fetches a failed chunk again on the next search.
    if (indexFailures > failuresBefore) {
      if (ticket === sequence) showFailed();
      return;
    }
    const page = await loadPage(found, 0);
    if (ticket !== sequence) return;
    shown = { query, found, ...page };
    render();
    keepSearchOffline();
    if (elements.filters) renderFilters(elements.filters, found.filters, selection, (s) => elements.onSelect?.(s));
    show(countLabel(found.results.length, query), found.results.length ? 'results' : 'empty');
  }

  return {
    warm: () => void loadPagefind().catch(() => undefined),
    search(typed: string, selection: Selection = {}) {
      const ticket = ++sequence;
      clearTimeout(timer);
      const query = searchedText(typed);
      if (query === '') {
        shown = undefined;
        results.replaceChildren();
        elements.filters?.replaceChildren();
        show('', 'idle');
        return;
      }
      // One letter matches nearly everything and would fetch most of the index for nothing.
      if (query.length < 2) {
        results.replaceChildren();
        show('Keep typing…', 'idle');
        return;
      }
      show('Searching…', 'loading');
      const failuresBefore = indexFailures;
      void loadPagefind().then((api) => api.preload(query), () => undefined);
      // A short debounce: fast typists do not search every letter, slow ones do not wait.
      timer = setTimeout(() => void run(query, selection, ticket, failuresBefore), 40);
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
