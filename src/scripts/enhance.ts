/**
 * The only script every page loads, kept small: it wires shortcuts and the header search form to
 * the search dialog, and highlights searched terms on landing. Everything else is fetched on
 * first use, so reading costs no search bytes.
 */
let loading: Promise<void> | undefined;
/** Keys typed after "/" while the dialog is still loading; they become its first query. */
let typed = '';

function openSearch(initialQuery: () => string): void {
  if (loading) return;
  typed = '';
  loading = import('./search-dialog.ts')
    .then((m) => m.openSearch(initialQuery()))
    .finally(() => (loading = undefined));
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey) return;
  const plain = !event.ctrlKey && !event.metaKey;
  if (loading && plain && event.key.length === 1 && !isTyping(event.target)) {
    typed += event.key;
    event.preventDefault();
    return;
  }
  const slash = event.key === '/' && plain && !isTyping(event.target);
  const commandK = !plain && event.key.toLowerCase() === 'k';
  if (slash || commandK) {
    event.preventDefault();
    openSearch(() => typed);
  }
});

const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
const field = form?.querySelector<HTMLInputElement>('input[name="q"]');
if (form && field) {
  // Typing in the header field continues in the dialog, with results as you type.
  const takeQuery = () => {
    const query = field.value;
    field.value = '';
    return query;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    openSearch(takeQuery);
  });
  field.addEventListener('input', () => openSearch(takeQuery));
}

if (new URLSearchParams(location.search).has('highlight')) {
  void import('./highlight.ts').then((m) => m.highlightFromUrl());
}
