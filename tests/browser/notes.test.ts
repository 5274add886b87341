/**
 * Annotations that read like margin notes, in Chromium (the reader suite proves alignment and
 * previews in all three engines): a preview passes axe, citations copy, a selection becomes a link
 * to the quote (landing on it with text fragments, and on its section without), print letters.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './gates.ts';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';

const browser = useBrowser();
const MARK = '#mark-event-liaison-office-1';

/** Select `words` where they stand in one run of text under `selector`, as a reader's drag would. */
async function selectWords(page: import('playwright-core').Page, selector: string, words: string): Promise<void> {
  await page.evaluate(
    ([selector, words]) => {
      const el = document.querySelector(selector!)!;
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf(words!);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words!.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${words}" is not one run of text in ${selector}`);
    },
    [selector, words],
  );
}

/** The article, for a reader who asked for less motion, with the mark's preview open by hover. */
async function previewOpenByHover() {
  const opened = await openPage(browser(), { reducedMotion: 'reduce' });
  await opened.page.goto(ARTICLE);
  await opened.page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
  await opened.page.locator(MARK).hover();
  await opened.page.waitForFunction(() => document.querySelector('.preview:popover-open'));
  return opened;
}

describe('previews', () => {
  it('pass axe with a preview open, in light and dark', async () => {
    const { page, close } = await previewOpenByHover();
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('show the card itself, not a copy kept in the page: one card in the HTML, no ids repeated', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    const html = await (await page.request.get(ARTICLE)).text();
    expect(html.match(/id="opening--event-liaison-office"/g)).toHaveLength(1);
    await page.locator(MARK).focus();
    await page.waitForFunction(() => document.querySelector('.preview:popover-open'));
    const preview = await page.evaluate(() => {
      const p = document.querySelector('.preview')!;
      return { ids: p.querySelectorAll('[id]').length, tabbable: [...p.querySelectorAll('a')].filter((a) => a.tabIndex >= 0).length, text: p.textContent };
    });
    expect(preview).toMatchObject({ ids: 0, tabbable: 0 });
    expect(preview.text).toBe(await page.locator('#opening--event-liaison-office').textContent());
    // Screen readers hear the card's title as the mark's description.
    expect(await page.locator(MARK).getAttribute('aria-describedby')).toBe('opening--event-liaison-office-title');
    await close();
  });

  it('do not animate for a reader who asked for less motion', async () => {
    const { page, close } = await previewOpenByHover();
    expect(await page.locator('.preview').evaluate((p) => getComputedStyle(p).animationName)).toBe('none');
    await close();
  });
});

describe('citing and quoting', () => {
  it('copies each citation with its button, and says so', async () => {
    const { page, close } = await openPage(browser(), { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(ARTICLE);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    for (const [name, selector] of [['APA', '#cite-apa ~ p'], ['Chicago', '#cite-chicago ~ p'], ['BibTeX', '#cite-bibtex ~ pre'], ['BibLaTeX', '#cite-biblatex ~ pre']] as const) {
      await page.getByRole('button', { name: `Copy the ${name} citation` }).click();
      await page.waitForFunction((n) => document.querySelector('[role=status]')?.textContent === `${n} citation copied`, name);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator(selector).textContent());
    }
    await close();
  });

  it('offers “Copy link to quote” for a selection, and the link lands on the quoted words', async () => {
    const { page, close } = await openPage(browser(), { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(ARTICLE);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    // Outside the article's text (here, the citations), nothing is offered.
    await selectWords(page, '#cite', 'The original article');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => !!document.querySelector('.quote-link:popover-open'))).toBe(false);
    const words = 'allies squabble, short-term interests diverge, and political forces make mountains out of molehills';
    await selectWords(page, '#opening-p3', words);
    const button = page.getByRole('button', { name: 'Copy link to quote' });
    await button.waitFor({ state: 'visible' });
    // The words around the quote come with code fetched when a selection is first offered.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/quote-context.')));
    await page.waitForTimeout(100);
    await button.click();
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent === 'Link to quote copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // Long quotes are linked by their first and last words (a text fragment's start and end), with
    // whole words of their paragraph either side, so that the link lands on this place.
    expect(link).toBe(`${baseURL()}${ARTICLE}#opening:~:text=of%20the%20partnership%3B-,allies%20squabble%2C%20short%2Dterm%20interests,mountains%20out%20of%20molehills,-%E2%80%93%20especially%20when`);

    const reader = await page.context().newPage();
    await reader.goto(link);
    await reader.waitForFunction(() => {
      const r = document.querySelector('#opening-p3')!.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0 && scrollY > 0;
    });
    await close();
  });

  it('lands a quote link on its section when the quoted words are no longer there', async () => {
    const { page, close } = await openPage(browser(), { reducedMotion: 'reduce' });
    await page.goto(`${ARTICLE}#preparing-for-the-eventualities:~:text=words%20no%20longer%20there`);
    await page.waitForFunction(() => {
      const r = document.querySelector('#preparing-for-the-eventualities')!.getBoundingClientRect();
      return Math.abs(r.top) < 100;
    });
    await close();
  });
});

describe('print', () => {
  it('prints marks as words with a superscript letter, and each section’s cards as lettered notes after it', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const marks = [...document.querySelectorAll<HTMLElement>('#opening a.mark')];
      const cards = [...document.querySelectorAll<HTMLElement>('#opening .card-kind')];
      return {
        // Counted, so an empty list cannot pass the checks below.
        marks: marks.length,
        letters: marks.every((m) => getComputedStyle(m, '::after').content === `"${m.dataset['note']}"`),
        plain: marks.every((m) => getComputedStyle(m).textDecorationLine === 'none'),
        first: getComputedStyle(cards[0]!, '::before').content,
        cards: cards.map((c) => c.dataset['note']).join(''),
        afterText: document.querySelector('#opening .sidebar')!.getBoundingClientRect().top >= document.querySelector('#opening .section-text')!.getBoundingClientRect().bottom,
      };
    });
    expect(printed).toEqual({ marks: 18, letters: true, plain: true, first: '"a. "', cards: 'abcdefghijklmnopqr', afterText: true });
    await close();
  });
});
