/**
 * /search/?q=…&type=…&article=…: results in the page, the query and filters kept in the URL
 * (back button and shared links).
 */
import { arrowNavigation, createSearchView, type Selection } from './search-ui.ts';
import { SEARCH_FILTERS } from '../lib/search/filters.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search-page]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
document.querySelector('[data-search-needs-js]')?.remove();
const names = Object.keys(SEARCH_FILTERS) as Array<keyof typeof SEARCH_FILTERS>;

/** Query and filters from the URL. Untrusted: only ever used as text and as filter values. */
function selectionFromUrl(): Selection {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(names.map((name) => [name, params.getAll(name).slice(0, 20)]));
}

function writeUrl(selection: Selection) {
  const url = new URL(location.href);
  url.search = '';
  if (input.value) url.searchParams.set('q', input.value);
  for (const name of names) for (const value of selection[name] ?? []) url.searchParams.append(name, value);
  history.replaceState(null, '', url);
}

let selection = selectionFromUrl();
const view = createSearchView({
  status: document.querySelector<HTMLElement>('[data-search-status]')!,
  results: document.querySelector<HTMLElement>('[data-search-results]')!,
  filters: document.querySelector<HTMLElement>('[data-search-filters]')!,
  headingLevel: 2,
  onSelect: (chosen) => {
    selection = chosen;
    writeUrl(selection);
    view.search(input.value, selection);
  },
});
arrowNavigation(document.querySelector<HTMLElement>('[data-search-area]')!, input);

function fromUrl() {
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  selection = selectionFromUrl();
  view.search(input.value, selection);
}

form.addEventListener('submit', (event) => event.preventDefault());
input.addEventListener('input', () => {
  writeUrl(selection);
  view.search(input.value, selection);
});
addEventListener('popstate', fromUrl);
view.warm();
// Words the reader typed before this script arrived are theirs: searched and put in the address,
// not replaced by the address's.
if (input.value) {
  writeUrl(selection);
  view.search(input.value, selection);
} else fromUrl();
input.focus();
