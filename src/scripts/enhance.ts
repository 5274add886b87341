/**
 * The only script every page loads, kept small: it wires shortcuts and the header search form to
 * the search dialog, and highlights searched terms on landing. Everything else is fetched on
 * first use, so reading costs no search bytes.
 */
import { BASE, routes } from '../lib/routing/routes.ts';
import { mayHoldArticle, storageKey } from '../lib/view/highlights-key.ts';
import { copyText } from './clipboard.ts';
// Part of this entry script, not a request of its own: the search highlight and the notes share it.
import './landing.ts';
let loading: Promise<void> | undefined;
/** Keys typed after "/" while the dialog is still loading; they become its first query. */
let typed = '';

function openSearch(initialQuery: () => string): void {
  if (loading) return;
  typed = '';
  loading = import('./search-dialog.ts')
    .then(
      (m) => m.openSearch(initialQuery()),
      // The dialog's code can be gone (a tab left open across a deploy, or offline): search on the
      // search page instead, which the current build serves.
      () => location.assign(`${routes.search()}?${new URLSearchParams({ q: initialQuery() })}`),
    )
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
  // A reader heading for search: load the index now, so the first keystroke has no wait.
  const warm = () => void import('./search-ui.ts').then((m) => m.loadPagefind()).catch(() => undefined);
  form.addEventListener('focusin', warm, { once: true });
  form.addEventListener('pointerenter', warm, { once: true });
}

// An article's reading aids (notes beside their words, previews, citations, quote links).
if (document.querySelector('[data-article-body]')) void import('./notes.ts');

// The search page's results, loaded by this one script so every page has a single entry script.
if (document.querySelector('form[data-search-page]')) void import('./search-page.ts');

// The reader's highlights: listed on their page, drawn on an article that has some (a look at
// what the device keeps: a page without highlights loads nothing more). Only an article's path
// is ever a highlight's. The module starts itself.
try {
  if (document.querySelector('[data-highlights-page]') || mayHoldArticle(localStorage.getItem(storageKey(BASE)), location.pathname)) void import('./highlights.ts');
} catch {
  // Storage turned off: nothing of the reader's is kept.
}

if (new URLSearchParams(location.search).has('highlight')) {
  void import('./highlight.ts').then((m) => m.highlightFromUrl());
}

// Copy and share buttons beside each section's permalink. The link copied is the section's share
// page (which previews as the section) with its fragment (which lands the reader on it).
const anchors = document.querySelectorAll<HTMLAnchorElement>('a.anchor[data-share]');
if (anchors.length > 0) {
  const button = (text: string, label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'share-button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.dataset['pagefindIgnore'] = '';
    b.addEventListener('click', onClick);
    return b;
  };
  for (const anchor of anchors) {
    const url = new URL(`${anchor.dataset['share']}${anchor.hash}`, location.href).href;
    const section = (anchor.getAttribute('aria-label') ?? '').replace(/^Link to /, '');
    const copy = button('Copy link', `Copy link to ${section}`, () => void copyText(url, copy, 'Link copied', `Link to ${section}`));
    anchor.after(copy);
    if ('share' in navigator) {
      copy.after(
        button('Share…', `Share ${section}`, () => {
          navigator.share({ url, title: document.title }).catch(() => undefined);
        }),
      );
    }
  }
}

// Offline reading: a service worker keeps the pages opened here (and search) for later. Registered
// once the page has loaded, so it never competes with reading; reading never depends on it.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    const first = !navigator.serviceWorker.controller;
    navigator.serviceWorker
      .register(routes.serviceWorker())
      // On a first visit this page loaded before the worker: tell it what to keep (from the HTTP cache).
      .then((): Promise<ServiceWorkerRegistration | undefined> | undefined => (first ? navigator.serviceWorker.ready : undefined))
      .then((registration) => {
        if (!registration) return;
        const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
        registration.active?.postMessage({ type: 'keep-page', page: location.href, loaded });
      })
      .catch(() => undefined);
  });
}

// Said last, so anything (styles, tests) can tell the page has been enhanced.
document.documentElement.dataset['enhanced'] = '';
