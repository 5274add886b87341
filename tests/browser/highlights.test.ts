/**
 * A reader's highlights and notes beyond the three-engine basics (`reader-suite.ts`), in
 * Chromium: a note, the "Your highlights" list, removing and clearing with undo, exports that
 * land on the words, importing back, hostile files that change nothing, a highlight whose words
 * are gone listed and kept, the page of every article's highlights, offline, and no request
 * made for any of it. The page without highlights loads none of their code.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, smallTapTargets } from './gates.ts';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';
import { pageKept } from './poll.ts';

const browser = useBrowser();
const KEY = 'long-reads:highlights:/';

/** Select words of a paragraph's first text and choose `button` in the offer beside them. */
async function highlight(page: Page, paragraph: string, from: number, to: number, button: 'Highlight' | 'Add note'): Promise<void> {
  // The offer for the last selection has closed (choosing closes it).
  await page.locator('.quote-link:popover-open').waitFor({ state: 'detached' });
  await page.evaluate(([id, start, end]) => {
    const text = document.getElementById(id)!.firstChild as Text;
    getSelection()!.setBaseAndExtent(text, start, text, end);
  }, [paragraph, from, to] as [string, number, number]);
  await page.locator('.quote-link:popover-open').waitFor();
  await page.locator('.quote-link').getByRole('button', { name: button, exact: true }).click();
}

const kept = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const drawn = (page: Page) => page.evaluate(() => ['reader-highlight', 'reader-note'].flatMap((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => `${name}: ${(r as Range).toString()}`)));

async function openList(page: Page) {
  await page.getByRole('button', { name: 'Your highlights' }).click();
  const dialog = page.locator('dialog.highlights-dialog[open]');
  await dialog.waitFor();
  return dialog;
}

async function chooseFile(dialog: ReturnType<Page['locator']>, name: string, buffer: Buffer): Promise<void> {
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer });
}

describe('highlights and notes, kept on the device', () => {
  it('loads nothing of them on an article with none', async () => {
    const { page, close } = await openPage(browser());
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
    await page.goto(ARTICLE);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    expect(scripts.filter((s) => /highlights\./.test(s))).toEqual([]);
    await close();
  });

  it('adds a note, lists, removes and clears with undo, exports Markdown that lands on the words and JSON that imports back', async () => {
    const { page, close, offsiteRequests } = await openPage(browser(), { acceptDownloads: true });
    page.setDefaultTimeout(5000);
    const requests: string[] = [];
    await page.goto(ARTICLE);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    // Deep in the article: the exported link must bring the reader down to these words.
    await highlight(page, 'preparing-for-the-eventualities-p5', 0, 24, 'Highlight');
    await highlight(page, 'opening-p3', 0, 24, 'Add note');
    const note = page.locator('dialog.highlight-dialog[open]');
    await note.getByLabel('Note').fill('<img src=x onerror=alert(1)> Compare with 2014.');
    // From here on, nothing the reader does may reach the network.
    page.on('request', (r) => void (!r.url().startsWith('blob:') && requests.push(r.url())));
    await note.getByRole('button', { name: 'Save note' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '2');
    expect(await drawn(page)).toEqual(['reader-highlight: South Korea’s misgivings', 'reader-note: These disagreements have']);

    const dialog = await openList(page);
    expect(await dialog.locator('blockquote').allTextContents()).toEqual(['South Korea’s misgivings', 'These disagreements have']);
    // A note is the reader's text, shown as text.
    expect(await dialog.locator('.highlight-note').textContent()).toBe('Note: <img src=x onerror=alert(1)> Compare with 2014.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTapTargets(page)).toEqual([]);

    // The Markdown export: the article's citation, each quote, the note, a link that lands on the words.
    const [md] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export Markdown' }).click()]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('## South Korea Prepares for a Future Without the US');
    expect(markdown).toContain('Orchard, P. (2018, October).');
    expect(markdown).toContain('> These disagreements have\n\nNote: <img src=x onerror=alert(1)> Compare with 2014.');
    const link = markdown.match(/\[Link to the quote\]\(([^)]+misgivings[^)]*)\)/)![1]!;
    const [json] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = readFileSync((await json.path())!);

    // Remove one, undo; clear all, undo: each one step.
    await dialog.getByRole('button', { name: 'Remove' }).first().click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '1');
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '2');
    await dialog.getByRole('button', { name: 'Clear this article’s highlights' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '0');
    expect(await dialog.locator('blockquote').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '2');

    // Cleared, then imported back from the exported file.
    await dialog.getByRole('button', { name: 'Clear this article’s highlights' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '0');
    await chooseFile(dialog, 'highlights.json', exported);
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '2');
    expect(await dialog.locator('.highlights-status').textContent()).toContain('Imported 2 highlight(s)');
    expect(requests).toEqual([]);
    expect(offsiteRequests).toEqual([]);

    // The exported link lands on the words (the text fragment) in a new page.
    const landing = await page.context().newPage();
    await landing.goto(link);
    await landing.waitForLoadState('load');
    expect(await landing.evaluate(() => location.hash)).toBe('#preparing-for-the-eventualities');
    // Scrolled to the words, not just to their section: its fifth paragraph is in view.
    expect(await landing.evaluate(() => {
      const box = document.getElementById('preparing-for-the-eventualities-p5')!.getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0;
    })).toBe(true);
    await close();
  });

  it('refuses a hostile or foreign file with a clear message, changing nothing', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    await highlight(page, 'opening-p2', 3, 18, 'Highlight');
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '1');
    const before = await kept(page);
    const dialog = await openList(page);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['markup.json', Buffer.from('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'), /not JSON/],
      ['huge.json', Buffer.alloc(1_500_000, 32), /is 1500 KB: a highlights file is under 1 MB/],
      ['other.json', Buffer.from(JSON.stringify({ highlights: [{ id: 'x' }] })), /not a highlights file/],
      ['shape.json', Buffer.from(JSON.stringify({ format: 'long-reads-highlights', highlights: [{ id: 'x', article: '//evil.example/', section: 's', quote: { exact: 'q', prefix: '', suffix: '' } }] })), /Highlight 1 in this file has no article path on this site/],
    ];
    for (const [name, buffer, message] of cases) {
      await chooseFile(dialog, name, buffer);
      await page.waitForFunction((m) => new RegExp(m).test(document.querySelector('.highlights-status')?.textContent ?? ''), message.source);
      expect(await dialog.locator('.highlights-status').textContent(), name).toMatch(/Nothing was imported/);
      expect(await kept(page), name).toBe(before);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await close();
  });

  it('keeps a highlight whose words are gone, and lists it as no longer found with its quote', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    // As a new build with changed text leaves it: one quote still in the text, one no longer.
    await page.evaluate(
      ([key, path]) =>
        localStorage.setItem(
          key,
          JSON.stringify({
            format: 'long-reads-highlights',
            version: 1,
            highlights: [
              { id: 'a', article: path, title: 'T', citation: 'C', section: 'opening', quote: { exact: 'early September', prefix: 'In ', suffix: ', the South' }, note: '', created: '2026-01-01T00:00:00Z' },
              // Moved to another section since: still found.
              { id: 'b', article: path, title: 'T', citation: 'C', section: 'opening', quote: { exact: 'Ultimately, if the U.S.', prefix: '', suffix: '' }, note: '', created: '2026-01-01T00:00:00Z' },
              { id: 'c', article: path, title: 'T', citation: 'C', section: 'opening', quote: { exact: 'words an editor has since removed', prefix: '', suffix: '' }, note: 'mine', created: '2026-01-01T00:00:00Z' },
            ],
          }),
        ),
      [KEY, new URL(ARTICLE, baseURL()).pathname] as [string, string],
    );
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '2');
    const dialog = await openList(page);
    expect(await dialog.locator('.highlights-gone blockquote').allTextContents()).toEqual(['words an editor has since removed']);
    expect(await dialog.locator('h3').textContent()).toMatch(/No longer found/);
    expect(JSON.parse((await kept(page))!).highlights).toHaveLength(3);
    await close();
  });

  it('lists every article’s highlights on /highlights/, and still draws them offline', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    await pageKept(page);
    await highlight(page, 'opening-p2', 3, 18, 'Highlight');
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '1');
    await page.goto('/highlights/');
    await page.locator('[data-highlights-page] blockquote').waitFor();
    expect(await page.locator('[data-highlights-page] h2').allTextContents()).toEqual(['South Korea Prepares for a Future Without the US']);
    expect(await page.locator('[data-highlights-page] blockquote').allTextContents()).toEqual(['early September']);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(ARTICLE);
    await page.context().setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] === '1');
    expect(await drawn(page)).toEqual(['reader-highlight: early September']);
    await close();
  });
});
