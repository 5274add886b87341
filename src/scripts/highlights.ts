/**
 * The reader's highlights and notes, on their device only. Loaded when the reader asks (Highlight,
 * Add note, "Your highlights") or when the article has highlights to draw; never otherwise.
 * Drawn with the CSS Custom Highlight API: the text's DOM is never changed, so what is read,
 * copied and indexed stays the article's own words. Each is anchored by its quote and a little
 * context (`lib/view/text-quote.ts`); one whose words are gone after a rebuild is kept and listed
 * as no longer found. Storage, file format and exports: `lib/view/highlights.ts`.
 */
import { routes, BASE } from '../lib/routing/routes.ts';
import { highlightLink, highlightsJson, highlightsMarkdown, byArticle, mergeHighlights, parseHighlights, tooLarge, MAX_IMPORT_BYTES, type Highlight } from '../lib/view/highlights.ts';
import { storageKey } from '../lib/view/highlights-key.ts';
import { locateQuote } from '../lib/view/text-quote.ts';
import { announce } from './clipboard.ts';
import { quoteOf, rangeOf, textIndex, type TextIndex } from './text-index.ts';
import highlightsCss from '../styles/highlights.css?inline';

// Their styles arrive with their code, as search's do: a reader who never highlights never loads them.
const sheet = new CSSStyleSheet();
sheet.replaceSync(highlightsCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const KEY = storageKey(BASE);
const article = location.pathname;

/** What the device keeps; an error when what it keeps cannot be read (then nothing is written over it). */
function stored(): { list: Highlight[] } | { error: string } {
  const raw = localStorage.getItem(KEY);
  if (raw === null) return { list: [] };
  const parsed = parseHighlights(raw);
  return 'error' in parsed ? { error: 'Your saved highlights could not be read on this device; they are left as they are.' } : { list: parsed.highlights };
}

function keep(list: Highlight[]): boolean {
  try {
    localStorage.setItem(KEY, highlightsJson(list, true));
    return true;
  } catch {
    announce('Could not save on this device: its storage is full or turned off.');
    return false;
  }
}

/** Where each of this article's highlights stands now; those not found have no range. */
function placed(list: Highlight[]): Array<{ highlight: Highlight; range?: Range | undefined }> {
  const indexes = new Map<string, TextIndex>();
  const sections = [...document.querySelectorAll('[data-article-body] .article-section')];
  const index = (section: Element) => indexes.get(section.id) ?? indexes.set(section.id, textIndex(section)).get(section.id)!;
  return list
    .filter((h) => h.article === article)
    .map((highlight) => {
      // Its own section first; a section renamed or words moved to another: the others.
      const own = document.getElementById(highlight.section)?.closest('.article-section');
      for (const section of own ? [own, ...sections.filter((s) => s !== own)] : sections) {
        const found = locateQuote(index(section).text, highlight.quote);
        if (found) return { highlight, range: rangeOf(index(section), found.start, found.end) };
      }
      return { highlight };
    });
}

/** Draw this article's highlights: plain ones, and those with a note, each as the reader sees them. */
export function draw(): void {
  const found = stored();
  if ('error' in found || typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
  const places = placed(found.list).filter((p) => p.range);
  CSS.highlights.set('reader-highlight', new Highlight(...places.filter((p) => !p.highlight.note).map((p) => p.range!)));
  CSS.highlights.set('reader-note', new Highlight(...places.filter((p) => p.highlight.note).map((p) => p.range!)));
  document.documentElement.dataset['highlights'] = String(places.length);
}

/** The note dialog: the reader's words, or undefined when they cancel. */
function askNote(quote: string, note = ''): Promise<string | undefined> {
  const dialog = document.createElement('dialog');
  dialog.className = 'highlight-dialog';
  dialog.setAttribute('aria-labelledby', 'note-dialog-title');
  const form = document.createElement('form');
  form.method = 'dialog';
  const title = Object.assign(document.createElement('h2'), { id: 'note-dialog-title', textContent: 'Your note' });
  const words = Object.assign(document.createElement('blockquote'), { textContent: quote });
  const label = Object.assign(document.createElement('label'), { textContent: 'Note', htmlFor: 'note-dialog-text' });
  const field = Object.assign(document.createElement('textarea'), { id: 'note-dialog-text', value: note, rows: 4 });
  const save = Object.assign(document.createElement('button'), { type: 'submit', value: 'save', textContent: 'Save note' });
  const cancel = Object.assign(document.createElement('button'), { type: 'submit', value: 'cancel', textContent: 'Cancel', formNoValidate: true });
  form.append(title, words, label, field, save, cancel);
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'save' ? field.value.trim() : undefined);
      dialog.remove();
    });
  });
}

/** The page's own title and the original's citation, kept with each highlight for the lists and exports. */
function articleFacts(): { title: string; citation: string } {
  const title = document.querySelector('[data-article-body] h1, main h1')?.textContent?.trim() ?? document.title;
  const citation = document.getElementById('cite-apa')?.parentElement?.querySelector('.citation-text')?.textContent?.trim() ?? '';
  return { title, citation };
}

/** Highlight the words the reader selected, with a note if they ask for one. */
export async function highlightRange(range: Range, withNote: boolean): Promise<void> {
  const common = range.commonAncestorContainer;
  const section = (common instanceof Element ? common : common.parentElement)?.closest('[data-article-body] .article-section');
  if (!section) return;
  const quote = quoteOf(section, range);
  if (!quote.exact.trim()) return;
  const found = stored();
  if ('error' in found) return announce(found.error);
  const note = withNote ? await askNote(quote.exact) : '';
  if (note === undefined) return;
  const id = crypto.randomUUID();
  if (!keep([...found.list, { id, article, ...articleFacts(), section: section.id, quote, note, created: new Date().toISOString() }])) return;
  draw();
  refresh();
  announce(note ? 'Highlighted, with your note' : 'Highlighted');
}

/* "Your highlights": a list with removal, export, import and clearing, each undoable in one step. */
let undo: Highlight[] | undefined;
/** What the last change did, said above the list. */
let status = '';
let lists: Array<{ root: HTMLElement; scope?: string | undefined }> = [];

function button(text: string, action: () => void): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  b.addEventListener('click', action);
  return b;
}

/** Change what is kept, saying what happened, with one step back. */
function change(next: Highlight[], message: string, previous: Highlight[]): void {
  if (!keep(next)) return;
  undo = previous;
  status = message;
  draw();
  refresh();
  announce(`${message}. Undo is available.`);
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function render(root: HTMLElement, scope: string | undefined): void {
  const found = stored();
  root.replaceChildren();
  const say = Object.assign(document.createElement('p'), { className: 'highlights-status', textContent: 'error' in found ? found.error : status });
  root.append(say);
  if ('error' in found) return;
  if (undo) {
    const previous = undo;
    say.append(' ', button('Undo', () => change(previous, 'Undone', found.list)));
  }
  const mine = scope ? found.list.filter((h) => h.article === scope) : found.list;
  if (mine.length === 0) root.append(Object.assign(document.createElement('p'), { textContent: scope ? 'No highlights in this article yet: select words in the text and choose Highlight.' : 'No highlights yet: select words in an article and choose Highlight.' }));
  const here = scope === article ? new Map(placed(found.list).map((p) => [p.highlight.id, !!p.range])) : undefined;
  for (const group of byArticle(mine)) {
    if (!scope) root.append(Object.assign(document.createElement('h2'), { textContent: group.title }));
    const list = Object.assign(document.createElement('ol'), { className: 'highlights-list' });
    const gone = Object.assign(document.createElement('ol'), { className: 'highlights-list highlights-gone' });
    for (const h of group.highlights) {
      const item = document.createElement('li');
      const quote = Object.assign(document.createElement('blockquote'), { textContent: h.quote.exact });
      item.append(quote);
      if (h.note) item.append(Object.assign(document.createElement('p'), { className: 'highlight-note', textContent: `Note: ${h.note}` }));
      const link = Object.assign(document.createElement('a'), { href: highlightLink(location.origin, h), textContent: 'Go to the words' });
      item.append(link, ' ', button('Remove', () => change(found.list.filter((x) => x.id !== h.id), `Removed “${h.quote.exact.slice(0, 40)}”`, found.list)));
      (here && here.get(h.id) === false ? gone : list).append(item);
    }
    root.append(list);
    if (gone.children.length > 0) {
      root.append(Object.assign(document.createElement('h3'), { textContent: 'No longer found in the text (kept, with their words)' }), gone);
    }
  }
  const actions = Object.assign(document.createElement('p'), { className: 'highlights-actions' });
  const file = Object.assign(document.createElement('input'), { type: 'file', accept: 'application/json,.json', id: `import-${lists.findIndex((l) => l.root === root)}` });
  const fileLabel = Object.assign(document.createElement('label'), { htmlFor: file.id, textContent: 'Import JSON' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const parsed = chosen.size > MAX_IMPORT_BYTES ? tooLarge(chosen.size) : parseHighlights(await chosen.text());
    if ('error' in parsed) {
      status = parsed.error;
      refresh();
      announce(parsed.error);
      return;
    }
    const next = mergeHighlights(found.list, parsed.highlights);
    change(next, `Imported ${next.length - found.list.length} highlight(s)`, found.list);
  });
  actions.append(
    button('Export Markdown', () => download('highlights.md', highlightsMarkdown(mine, location.origin), 'text/markdown')),
    ' ',
    button('Export JSON', () => download('highlights.json', highlightsJson(mine), 'application/json')),
    ' ',
    fileLabel,
    ' ',
    file,
    ' ',
    button(scope ? 'Clear this article’s highlights' : 'Clear all highlights', () => change(found.list.filter((h) => scope && h.article !== scope), 'Cleared', found.list)),
  );
  if (scope) actions.append(' ', Object.assign(document.createElement('a'), { href: routes.highlights(), textContent: 'All your highlights' }));
  root.append(actions);
}

function refresh(): void {
  lists = lists.filter((l) => l.root.isConnected);
  for (const { root, scope } of lists) render(root, scope);
}

/** Shows the highlights of `scope` (an article's path), or of every article, in `root`, kept current. */
export function showHighlights(root: HTMLElement, scope?: string): void {
  lists.push({ root, scope });
  render(root, scope);
}

/** The article's "Your highlights" dialog. */
export function openList(): void {
  let dialog = document.querySelector<HTMLDialogElement>('dialog.highlights-dialog');
  if (!dialog) {
    dialog = Object.assign(document.createElement('dialog'), { className: 'highlights-dialog highlight-dialog' });
    dialog.setAttribute('aria-labelledby', 'highlights-dialog-title');
    const close = button('Close', () => dialog!.close());
    const body = document.createElement('div');
    dialog.append(Object.assign(document.createElement('h2'), { id: 'highlights-dialog-title', textContent: 'Your highlights' }), body, close);
    document.body.append(dialog);
    showHighlights(body, article);
  }
  refresh();
  dialog.showModal();
}

// Loaded on the page of every article's highlights, or on an article (to draw, or because the
// reader used one): start with what the page is.
const everyArticle = document.querySelector<HTMLElement>('[data-highlights-page]');
if (everyArticle) showHighlights(everyArticle);
else draw();
