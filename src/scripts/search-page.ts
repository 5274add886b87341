/** /search/?q=…: results in the page, the query kept in the URL (back button and shared links). */
import { arrowNavigation, createSearchView } from './search-ui.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search-page]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
document.querySelector('[data-search-needs-js]')?.remove();
const view = createSearchView({
  status: document.querySelector<HTMLElement>('[data-search-status]')!,
  results: document.querySelector<HTMLElement>('[data-search-results]')!,
});
arrowNavigation(document.querySelector<HTMLElement>('[data-search-area]')!, input);

function fromUrl() {
  // Untrusted: only ever used as the input's value and as search text.
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  view.search(input.value);
}

form.addEventListener('submit', (event) => event.preventDefault());
input.addEventListener('input', () => {
  const url = new URL(location.href);
  if (input.value) url.searchParams.set('q', input.value);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  view.search(input.value);
});
addEventListener('popstate', fromUrl);
view.warm();
fromUrl();
input.focus();
