/**
 * Copying for readers, one way everywhere (section links, citations, quote links): the clipboard
 * where the browser allows it, else the text shown selected beside the button, ready to copy by
 * hand; either way the outcome is said in a live region.
 */
let live: HTMLElement | undefined;

/** Say something to screen readers (and anyone watching the live region). */
export function announce(message: string): void {
  if (!live) {
    live = document.createElement('p');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    document.body.append(live);
  }
  const region = live;
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}

/** Copy `text`; if the clipboard refuses, show it selected after `button`. True when it was copied. */
export async function copyText(text: string, button: HTMLElement, done: string, label: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
    return true;
  } catch {
    const field = document.createElement('input');
    field.readOnly = true;
    field.value = text;
    field.className = 'copy-fallback';
    field.setAttribute('aria-label', label);
    button.after(field);
    field.select();
    announce('Could not copy automatically: the text is selected, copy it with Ctrl+C or ⌘C');
    return false;
  }
}
