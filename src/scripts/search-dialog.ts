/**
 * The search dialog, built on first use. A modal `<dialog>` gives focus trapping and focus
 * return for free.
 */
import { arrowNavigation, createSearchView } from './search-ui.ts';

let dialog: HTMLDialogElement | undefined;
let input: HTMLInputElement;
let view: ReturnType<typeof createSearchView>;

function build(): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'search-dialog';
  d.setAttribute('aria-labelledby', 'search-dialog-title');
  d.innerHTML = `
    <div class="search-bar" role="search">
      <h2 id="search-dialog-title" class="visually-hidden">Search</h2>
      <label for="search-dialog-input">Search the articles</label>
      <input id="search-dialog-input" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search">
      <button type="button" class="search-close">Close</button>
    </div>
    <p class="search-status" role="status" aria-live="polite"></p>
    <ol class="search-results"></ol>`;
  document.body.append(d);
  input = d.querySelector('input')!;
  view = createSearchView({ status: d.querySelector('.search-status')!, results: d.querySelector('.search-results')!, headingLevel: 3 });
  input.addEventListener('input', () => view.search(input.value));
  d.querySelector('.search-close')!.addEventListener('click', () => d.close());
  // A click on the backdrop (the dialog box itself, outside its content) closes it.
  d.addEventListener('click', (event) => {
    if (event.target === d) d.close();
  });
  // WebKit lets an <input type="search"> keep Escape for itself (to clear it), so the dialog
  // would not close from the field; close it ourselves, the same in every engine.
  d.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      d.close();
    }
  });
  arrowNavigation(d, input);
  return d;
}

export function openSearch(query: string): void {
  dialog ??= build();
  view.warm();
  if (!dialog.open) dialog.showModal();
  if (query) {
    input.value = query;
    view.search(query);
  }
  input.focus();
}
