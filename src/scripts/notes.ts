/**
 * Reading aids for an article page, loaded once it has rendered (`enhance.ts`); the page reads the
 * same without them:
 * - on wide screens, each card moves down beside the line that first mentions it (crowded cards
 *   stack, and the section grows to hold them);
 * - hovering, focusing or tapping a mark or a note number previews its card or note beside the
 *   words: the card already in the page, shown in a popover; Escape or moving away closes it, and
 *   a second tap or Enter follows the link as without the preview;
 * - a copy button on each citation, and "Copy link to quote", "Highlight" and "Add note" for a
 *   selection in the text; the reader's highlights drawn, and listed from the contents.
 */
import { quoteLink } from '../lib/view/quote-link.ts';
import { copyText } from './clipboard.ts';
import { keepLanding } from './landing.ts';

const body = document.querySelector<HTMLElement>('[data-article-body]')!;
const wide = matchMedia('(min-width: 64rem)');

/* Notes beside their words. */
function align(): void {
  for (const section of body.querySelectorAll<HTMLElement>('.article-section')) {
    const items = [...section.querySelectorAll<HTMLElement>('.cards > li')];
    for (const item of items) item.style.marginBlockStart = '';
    if (!wide.matches) continue;
    for (const item of items) {
      const id = item.firstElementChild?.id;
      const line = id && section.querySelector(`.section-text a[href="#${CSS.escape(id)}"]`)?.getClientRects()[0];
      const below = line ? line.top - item.getBoundingClientRect().top : 0;
      if (below > 0) item.style.marginBlockStart = `${below}px`;
    }
  }
  // Cards moved down make sections taller: the place the reader landed on stays in view.
  keepLanding();
}
let width = 0;
new ResizeObserver(([entry]) => {
  if (entry && entry.contentRect.width !== width) {
    width = entry.contentRect.width;
    align();
  }
}).observe(body);
wide.addEventListener('change', align);
addEventListener('load', align);
void document.fonts.ready.then(align);

/* Previews. */
const TRIGGER = 'a.mark, a[data-footnote-ref]';
const anchored = CSS.supports('position-anchor: --a');
const preview = document.createElement('div');
preview.className = 'preview';
preview.popover = 'manual';
// The card itself stays in the page, named by the mark's aria-describedby: this is its picture.
preview.setAttribute('aria-hidden', 'true');
document.body.append(preview);
let shown: HTMLAnchorElement | null = null;
let tapped: HTMLAnchorElement | null = null;
let touch = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const triggerOf = (node: EventTarget | null) => (node instanceof Element ? node.closest<HTMLAnchorElement>(TRIGGER) : null);

function place(): void {
  if (!shown || anchored) return;
  const at = shown.getClientRects()[0] ?? shown.getBoundingClientRect();
  const box = preview.getBoundingClientRect();
  const top = at.bottom + 4 + box.height <= innerHeight ? at.bottom + 4 : Math.max(4, at.top - 4 - box.height);
  preview.style.top = `${top}px`;
  preview.style.left = `${Math.max(4, Math.min(at.left, innerWidth - box.width - 4))}px`;
}

function show(link: HTMLAnchorElement): void {
  clearTimeout(timer);
  if (shown === link) return;
  hide();
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  const picture = target.cloneNode(true) as HTMLElement;
  for (const el of [picture, ...picture.querySelectorAll('[id]')]) el.removeAttribute('id');
  picture.querySelectorAll('[data-footnote-backref]').forEach((a) => a.remove());
  // Keyboard readers reach the card itself by following the mark.
  picture.querySelectorAll('a').forEach((a) => (a.tabIndex = -1));
  preview.replaceChildren(picture);
  shown = link;
  link.classList.add('previewing');
  if (anchored) link.style.setProperty('anchor-name', '--preview');
  preview.showPopover();
  place();
}

function hide(): void {
  clearTimeout(timer);
  if (!shown) return;
  shown.classList.remove('previewing');
  shown.style.removeProperty('anchor-name');
  shown = tapped = null;
  preview.hidePopover();
}

const later = (action: () => void, ms: number) => {
  clearTimeout(timer);
  timer = setTimeout(action, ms);
};

body.addEventListener('pointerover', (event) => {
  const link = triggerOf(event.target);
  if (link && event.pointerType !== 'touch') later(() => show(link), shown ? 0 : 150);
});
body.addEventListener('pointerout', (event) => {
  if (event.pointerType !== 'touch' && triggerOf(event.target) && !triggerOf(event.relatedTarget)) later(hide, 300);
});
preview.addEventListener('pointerenter', () => clearTimeout(timer));
preview.addEventListener('pointerleave', () => later(hide, 300));
body.addEventListener('focusin', (event) => {
  const link = triggerOf(event.target);
  if (link && !touch) show(link);
});
body.addEventListener('focusout', (event) => {
  if (!touch && triggerOf(event.target)) hide();
});
document.addEventListener('pointerdown', (event) => {
  touch = event.pointerType === 'touch';
  if (shown && !preview.contains(event.target as Node) && triggerOf(event.target) !== shown) hide();
});
// A first tap previews; a second tap on the same mark follows it.
body.addEventListener('click', (event) => {
  const link = triggerOf(event.target);
  if (!link || !touch || tapped === link) return;
  event.preventDefault();
  show(link);
  tapped = link;
});
addEventListener('scroll', place, { passive: true });

/* Citations. */
for (const citation of document.querySelectorAll<HTMLElement>('.citation')) {
  const label = citation.dataset['copyLabel'] ?? 'citation';
  const button = document.createElement('button');
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy the ${label}`);
  button.addEventListener('click', () => void copyText(citation.querySelector('p, pre')!.textContent ?? '', button, `${label} copied`, label));
  citation.querySelector('h3')!.after(button);
}

/*
 * Copy link to quote; Highlight and Add note (their code fetched only when the reader uses one).
 * Buttons outside a form: `type` needs no saying.
 */
const quote = document.createElement('div');
quote.className = 'quote-link';
quote.popover = 'manual';
// A keyboard selection reaches the highlight buttons by a key: H, or N for a note.
quote.innerHTML = '<button>Copy link to quote</button> <button aria-keyshortcuts="H">Highlight</button> <button aria-keyshortcuts="N">Add note</button>';
const [quoteButton, ...markButtons] = [...quote.children] as [HTMLButtonElement, ...HTMLButtonElement[]];
document.body.append(quote);
const highlights = () => import('./highlights.ts');
const mark = (withNote: boolean) => {
  // The words chosen now: the selection is taken at once, as a later one is the reader's next.
  const selection = getSelection()!;
  const range = selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  quote.hidePopover();
  selection.removeAllRanges();
  if (range) void highlights().then((m) => m.highlightRange(range, withNote));
};
markButtons.forEach((b, i) => b.addEventListener('click', () => mark(i > 0)));
document.addEventListener('keydown', (event) => {
  // Escape closes a preview; H or N highlights the selection offered.
  const i = ['h', 'n'].indexOf(event.key.toLowerCase());
  if (event.key === 'Escape' && shown) hide();
  else if (i >= 0 && !event.ctrlKey && !event.metaKey && !event.altKey && quote.matches(':popover-open')) {
    event.preventDefault();
    mark(i > 0);
  }
});
// "Your highlights", opened from the contents.
const contents = document.querySelector('.contents ol');
contents?.insertAdjacentHTML('beforeend', '<li><button>Your highlights</button>');
contents?.lastElementChild!.addEventListener('click', () => void highlights().then((m) => m.openList()));
let link = '';
let asked: Range | undefined;

function offerQuote(): void {
  const selection = getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const text = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
  const start = range?.commonAncestorContainer;
  const within = (start instanceof Element ? start : start?.parentElement)?.closest('.section-text');
  const section = within?.closest<HTMLElement>('.article-section');
  if (!range || text.length < 3 || !section || !body.contains(section)) {
    if (quote.matches(':popover-open')) quote.hidePopover();
    return;
  }
  const page = `${location.origin}${location.pathname}`;
  link = quoteLink(page, section.id, text);
  // Then the same link with the words around the quote, once that code is here (offline and never
  // fetched: the link above stays). Only the latest selection's link is kept.
  const offered = (asked = range.cloneRange());
  import('./quote-context.ts').then((m) => asked === offered && (link = m.linkToRange(page, section, offered)), () => undefined);
  const end = [...range.getClientRects()].at(-1) ?? range.getBoundingClientRect();
  if (!quote.matches(':popover-open')) quote.showPopover();
  quote.style.top = `${Math.min(end.bottom + 6, innerHeight - quote.offsetHeight - 4)}px`;
  quote.style.left = `${Math.max(4, Math.min(end.right - quote.offsetWidth, innerWidth - quote.offsetWidth - 4))}px`;
}
let pending: ReturnType<typeof setTimeout> | undefined;
document.addEventListener('selectionchange', () => {
  clearTimeout(pending);
  pending = setTimeout(offerQuote, 200);
});
// Keep the selection while a button is pressed.
quote.addEventListener('pointerdown', (event) => event.preventDefault());
quoteButton.addEventListener('click', async () => {
  if (await copyText(link, quoteButton, 'Link to quote copied', 'Link to the quote')) quote.hidePopover();
});


// Said last, so tests (and styles) can tell the reading aids are in place.
document.documentElement.dataset['notes'] = '';
