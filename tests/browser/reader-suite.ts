/**
 * The reader suite: what a reader does on the built site, run the same way in every engine
 * (`reader.<engine>.test.ts`). Each test ends by asking the page's error probe for console
 * errors, uncaught exceptions, failed loads and CSP violations: there must be none.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readSource } from '../source.ts';
import { launchEngine, type Engine, type EngineName, type ReaderPage } from './engines.ts';
import { ARTICLE, expectedBlocks, hostileEffectsInPage, landedInViewInPage, notesOutOfPlaceInPage, readBlocksInPage, type Block } from './reading.ts';

const BODY = '[data-article-body] :is(p, h2, h3, li, blockquote), #author p';

/** A hostile value for every URL input: markup, a script, quotes and an entity. */
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"'&amp;`;
const LONG = 'OPCON '.repeat(1_700); // ~10 KB

export interface SuiteOptions {
  /** Which server to read from: the plain build, or the one built and served under BASE_PATH. */
  server?: 'readerURL' | 'basePathReaderURL';
}

export function readerSuite(name: EngineName, { server = 'readerURL' }: SuiteOptions = {}): void {
  const where = server === 'readerURL' ? name : `${name}, under a base path`;
  const source = readSource();
  let engine: Engine;
  beforeAll(async () => {
    engine = await launchEngine(name, inject(server));
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  /** A fresh page; the test body runs, then the probe must be empty, then the page closes. */
  async function withPage(options: Parameters<Engine['newPage']>[0], body: (page: ReaderPage) => Promise<void>) {
    const page = await engine.newPage(options);
    try {
      await body(page);
      expect((await page.probe()).problems, `${name}: console errors, failed loads or CSP violations`).toEqual([]);
    } finally {
      await page.close();
    }
  }

  const blocks = (page: ReaderPage): Promise<Block[]> => page.evaluate(readBlocksInPage, BODY);
  const dialogState = (page: ReaderPage, states: string[]) =>
    page.waitFor((wanted) => wanted.includes(document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] ?? ''), states);
  /** Loaded and enhanced: the script that wires keys and buttons has run. */
  const ready = async (page: ReaderPage, path: string) => {
    await page.goto(path);
    await page.waitFor(() => document.documentElement.hasAttribute('data-enhanced'));
  };
  const hashOf = async (page: ReaderPage) => new URL(await page.url()).hash;
  /**
   * Whether the offer beside a selection (Highlight, Add note) shows within 5 s. Waited for inside
   * the page: Firefox's driver fires a selectionchange with each script it runs, so polling from
   * outside every 50 ms would keep restarting the offer's 200 ms pause.
   */
  const offerShown = (page: ReaderPage) =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const deadline = Date.now() + 5000;
          const check = () => (document.querySelector('.quote-link:popover-open') ? resolve(true) : Date.now() > deadline ? resolve(false) : setTimeout(check, 50));
          check();
        }),
    );

  describe(`reading in ${where}`, () => {
    it('holds every paragraph and heading of the source verbatim, in order', async () => {
      await withPage({}, async (page) => {
        await page.goto(ARTICLE);
        expect(await blocks(page)).toEqual(expectedBlocks(source));
      });
    });

    it('reads completely with JavaScript off', async () => {
      await withPage({ javaScript: false }, async (page) => {
        await page.goto(ARTICLE);
        expect(await blocks(page)).toEqual(expectedBlocks(source));
        // Nothing of the enhancement ran: no buttons were added.
        expect(await page.evaluate(() => document.querySelectorAll('.share-button').length)).toBe(0);
      });
    });

    it('lands every section and paragraph permalink in view, marked as the target', async () => {
      await withPage({}, async (page) => {
        await page.goto(ARTICLE);
        const ids = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>('a.anchor, a.p-link')].map((a) => a.hash.slice(1)),
        );
        expect(ids.length).toBeGreaterThan(10);
        for (const [index, id] of ids.entries()) {
          await page.goto(`${ARTICLE}?visit=${index}#${id}`);
          await page.waitFor((target) => {
            const el = document.getElementById(target);
            if (!el?.matches(':target')) return false;
            const r = el.getBoundingClientRect();
            return r.top >= -1 && r.top < innerHeight / 2;
          }, id);
        }
      });
    });

    it('follows the contents and a section anchor by click', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        const last = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('nav.contents a')].at(-2)!.hash);
        await page.click(`nav.contents a[href="${last}"]`);
        await page.waitFor((hash) => location.hash === hash && document.querySelector(hash)!.getBoundingClientRect().top < innerHeight / 2, last);
        await page.click(`a.anchor[href="#opening"]`);
        await page.waitFor(() => location.hash === '#opening');
      });
    });

    it('goes from a mark to its sidebar card and back', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        const { markId, card } = await page.evaluate(() => {
          const mark = document.querySelector<HTMLAnchorElement>('#opening a.mark')!;
          return { markId: mark.id, card: mark.hash };
        });
        await page.click(`#${markId}`);
        // Scrolling may be smooth: wait until the card has come into view.
        await page.waitFor((hash) => {
          const el = document.querySelector(hash);
          const r = el?.getBoundingClientRect();
          return location.hash === hash && el!.matches(':target') && r!.bottom > 0 && r!.top < innerHeight;
        }, card);
        await page.click(`${card} a[href="#${markId}"]`);
        await page.waitFor((id) => location.hash === `#${id}`, markId);
      });
    });
  });

  describe(`notes beside their words in ${where}`, () => {
    /** Wait for the reading aids, then say what is out of place: nothing, when the notes are right. */
    const notesOutOfPlace = async (page: ReaderPage) => {
      await page.waitFor(() => document.documentElement.hasAttribute('data-notes'));
      // The cards move as the page settles: wait until they are in place (or 5 s), then say what is not.
      await page.waitFor(notesOutOfPlaceInPage, 'settled', 5_000).catch(() => undefined);
      return page.evaluate(notesOutOfPlaceInPage);
    };
    const previewSays = (page: ReaderPage, text: string) =>
      page.waitFor((t) => document.querySelector('.preview:popover-open')?.textContent?.includes(t), text);
    const previewClosed = (page: ReaderPage) => page.waitFor(() => !document.querySelector('.preview:popover-open'));
    const MARK = '#mark-event-liaison-office-1';
    const CARD = 'opening--event-liaison-office';

    it('at 1280 px, puts each card beside the line that first mentions it, or just below the card before it, overlapping nothing', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        expect(await notesOutOfPlace(page)).toEqual([]);
        // The cards really moved: the first is not at the top of its section.
        expect(await page.evaluate(() => parseFloat(document.querySelector<HTMLElement>('#opening .cards > li')!.style.marginBlockStart) > 0)).toBe(true);
      });
    });

    it('previews a mark’s card beside the words on hover, without moving the page, and closes when the pointer leaves', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        await page.hover(MARK);
        const scrolled = await page.evaluate(() => scrollY);
        await previewSays(page, 'Inter-Korean liaison office opens');
        expect(await page.evaluate(() => scrollY)).toBe(scrolled);
        const placed = await page.evaluate((mark) => {
          const words = document.querySelector(mark)!.getClientRects();
          const preview = document.querySelector('.preview')!.getBoundingClientRect();
          const near = [...words].some((r) => Math.abs(preview.top - r.bottom) < 40 || Math.abs(r.top - preview.bottom) < 40);
          return { near, inView: preview.top >= 0 && preview.bottom <= innerHeight, hidden: document.querySelector('.preview')!.getAttribute('aria-hidden') };
        }, MARK);
        expect(placed).toEqual({ near: true, inView: true, hidden: 'true' });
        await page.hover('h1');
        await previewClosed(page);
        expect(await hashOf(page)).toBe('');
      });
    });

    it('previews on keyboard focus; Escape closes it and Enter follows the link', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        await page.evaluate(() => document.querySelector<HTMLElement>('#opening-p1 .p-link')!.focus());
        await page.press('Tab');
        await page.waitFor((id) => document.activeElement?.id === id, MARK.slice(1));
        await previewSays(page, 'Inter-Korean liaison office opens');
        await page.press('Escape');
        await previewClosed(page);
        await page.press('Enter');
        await page.waitFor((card) => location.hash === `#${card}`, CARD);
      });
    });

    it('on a touch screen, a first tap previews and a second tap follows the link', async () => {
      await withPage({ touch: true, width: 375, height: 800 }, async (page) => {
        await ready(page, ARTICLE);
        await page.tap(MARK);
        await previewSays(page, 'Inter-Korean liaison office opens');
        expect(await hashOf(page)).toBe('');
        await page.tap(MARK);
        await page.waitFor((card) => location.hash === `#${card}`, CARD);
      });
    });
  });

  describe(`search in ${where}`, () => {
    it('"/" opens the dialog; "OPCON" finds the article and a result lands on its section, highlighted', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        await page.press('/');
        await page.waitFor(() => document.querySelector('dialog.search-dialog')?.hasAttribute('open'));
        await page.type('OPCON');
        await dialogState(page, ['results']);
        const href = await page.evaluate(() => document.querySelector('dialog a.result-link')!.getAttribute('href')!);
        expect(href).toMatch(/\?highlight=OPCON#[a-z0-9-]+$/);
        await page.click('dialog a.result-link');
        const section = href.split('#')[1]!;
        await page.waitFor(landedInViewInPage, `#${section} mark.search-hit`);
        expect(await hashOf(page)).toBe(`#${section}`);
      });
    });

    it('Ctrl+K opens it and Escape closes it', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        await page.press('Control+k');
        await page.waitFor(() => document.activeElement?.id === 'search-dialog-input');
        await page.press('Escape');
        await page.waitFor(() => !document.querySelector('dialog.search-dialog')?.hasAttribute('open'));
      });
    });

    it('typing in the header field continues in the dialog with results', async () => {
      await withPage({}, async (page) => {
        await ready(page, '/');
        await page.click('#site-search-q');
        await page.type('OPCON');
        await dialogState(page, ['results']);
        expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#search-dialog-input')!.value)).toBe('OPCON');
      });
    });

    it('/search/?q=OPCON shows the results for the query in the URL', async () => {
      await withPage({}, async (page) => {
        await page.goto('/search/?q=OPCON');
        await page.waitFor(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
        expect(await page.evaluate(() => document.querySelectorAll('[data-search-results] .hit').length)).toBeGreaterThan(1);
        expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#search-page-q')!.value)).toBe('OPCON');
      });
    });
  });

  describe(`highlights in ${where}`, () => {
    it('highlights a selection by touch, by key and by mouse; they are drawn over the words, untouched, and again after a reload', async () => {
      await withPage({ touch: true }, async (page) => {
        await ready(page, ARTICLE);
        await page.evaluate(() => localStorage.clear());
        await page.waitFor(() => document.documentElement.hasAttribute('data-notes'));
        const select = async (paragraph: string, from: number, to: number) => {
          // Choosing closes the offer: the next one is for the next selection.
          await page.waitFor(() => !document.querySelector('.quote-link:popover-open'));
          await page.evaluate(
            ([id, start, end]) => {
              const text = document.getElementById(id)!.firstChild as Text;
              getSelection()!.setBaseAndExtent(text, start, text, end);
            },
            [paragraph, from, to] as [string, number, number],
          );
        };
        const offered = async (step: string) => expect(await offerShown(page), `${step}: Highlight offered for the selection`).toBe(true);
        const drawn = (n: number) => page.waitFor((count) => document.documentElement.dataset['highlights'] === String(count), n);
        // "In early September, …": a tap on Highlight.
        await select('opening-p2', 3, 18);
        await offered('tap');
        await page.tap('.quote-link button[aria-keyshortcuts="H"]');
        await drawn(1);
        // A selection made any way, then the key H (what a keyboard reader presses).
        await select('opening-p3', 0, 12);
        await offered('key');
        await page.press('h');
        await drawn(2);
        // A mouse click.
        await select('different-means-to-different-ends-p1', 0, 10);
        await offered('mouse');
        await page.click('.quote-link button[aria-keyshortcuts="H"]');
        await drawn(3);
        const quotes = () => page.evaluate(() => [...(CSS.highlights.get('reader-highlight') ?? [])].map((r) => (r as Range).toString()));
        const before = await quotes();
        expect(before[0]).toBe('early September');
        expect(before).toHaveLength(3);
        await page.waitFor(() => document.querySelector('[role=status]')?.textContent === 'Highlighted');
        // Drawn over the text, never into it: the words read as before.
        expect(await blocks(page)).toEqual(expectedBlocks(source));
        await page.goto(ARTICLE);
        await drawn(3);
        expect(await quotes()).toEqual(before);
      });
    });
  });

  describe(`highlights by keyboard alone in ${where}`, () => {
    it('selects words with caret browsing and Shift+ArrowRight, highlights them with H, and its link from the list lands on them', async () => {
      await withPage({ caretBrowsing: true }, async (page) => {
        // Deep in the article: landing on the words is neither landing at the top of their section nor
        // on the first place the same word appears.
        const PARAGRAPH = 'preparing-for-the-eventualities-p5';
        await ready(page, ARTICLE);
        await page.evaluate(() => localStorage.clear());
        await page.waitFor(() => document.documentElement.hasAttribute('data-notes'));
        // The caret at a paragraph's start, where a reader moves it with the arrows.
        await page.evaluate((id) => getSelection()!.collapse(document.getElementById(id)!.firstChild, 0), PARAGRAPH);
        // Its first word, "South": a word found many times before this paragraph.
        for (let i = 0; i < 5; i++) await page.press('Shift+ArrowRight');
        const words = await page.evaluate((id) => document.getElementById(id)!.textContent!.slice(0, 5), PARAGRAPH);
        expect(words).toBe('South');
        expect(await page.evaluate(() => String(getSelection())), 'selected by the keys').toBe(words);
        expect(await offerShown(page), 'Highlight offered').toBe(true);
        // The highlights' code loads on this key: its first use, with nothing failing to load.
        await page.press('h');
        await page.waitFor(() => document.documentElement.dataset['highlights'] === '1');
        expect(await page.evaluate(() => [...(CSS.highlights.get('reader-highlight') ?? [])].map((r) => (r as Range).toString()))).toEqual([words]);
        await page.waitFor(() => document.querySelector('[role=status]')?.textContent === 'Highlighted');
        // "Your highlights" links each quote by the address the Markdown export writes.
        await page.click('.contents ol > li:last-child button');
        await page.waitFor(() => document.querySelector('dialog.highlights-dialog[open] .highlights-list a') !== null);
        const link = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('dialog.highlights-dialog[open] .highlights-list a')!.href);
        expect(link).toContain(':~:text=');
        // Opened from elsewhere, as from the reader's exported notes: a new document, not a jump
        // within this one (where engines leave text fragments alone). WebKit's driver allows one
        // window, so the same page goes there.
        await page.goto('/');
        await page.goto(link);
        await page.waitFor(
          (id) => {
            const box = document.getElementById(id)!.getBoundingClientRect();
            return document.readyState === 'complete' && box.top < innerHeight && box.bottom > 0;
          },
          PARAGRAPH,
        );
      });
    });
  });

  describe(`sharing in ${where}`, () => {
    it('"Copy link" copies the section’s share URL and says so', async () => {
      await withPage({}, async (page) => {
        await ready(page, ARTICLE);
        await page.click('button.share-button[aria-label="Copy link to section: Preparing for the Eventualities"]');
        await page.waitFor(() => document.querySelector('[role=status]')?.textContent === 'Link copied');
        const expected = `${inject(server)}${ARTICLE}preparing-for-the-eventualities/#preparing-for-the-eventualities`;
        // Every engine here accepts the write; the selected-link fallback is proved in permalinks.test.ts.
        expect((await page.probe()).copied).toEqual([expected]);
        // "Share…" is offered exactly where the browser can share.
        const share = await page.evaluate(() => ({
          can: 'share' in navigator,
          buttons: document.querySelectorAll('button.share-button[aria-label^="Share"]').length,
        }));
        expect(share.buttons > 0).toBe(share.can);
      });
    });
  });

  describe(`hostile URLs in ${where}`, () => {
    const cases: Array<[string, string]> = [
      ['markup in ?q=', `/search/?q=${encodeURIComponent(HOSTILE)}`],
      ['a malformed escape in ?q=', '/search/?q=%E0%A4%A'],
      ['a 10 KB ?q=', `/search/?q=${encodeURIComponent(LONG)}`],
      ['markup in ?highlight= and the fragment', `${ARTICLE}?highlight=${encodeURIComponent(HOSTILE)}#${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}`],
      ['a malformed escape in ?highlight= and the fragment', `${ARTICLE}?highlight=%E0%A4%A#%`],
      ['a bare % fragment', `${ARTICLE}?highlight=OPCON#%E0%A4%A`],
      ['a 10 KB ?highlight= and fragment', `${ARTICLE}?highlight=${encodeURIComponent(LONG)}#${'x'.repeat(10_000)}`],
    ];
    // One page reads all seven addresses in turn (a page each would cost a browser session each);
    // every assertion names its case, and each address is a new document with a fresh probe.
    it(`treats ${cases.map(([what]) => what).join('; ')} as text: no error, nothing injected, the page still reads`, async () => {
      await withPage({}, async (page) => {
        for (const [what, path] of cases) {
          await page.goto(path);
          if (path.startsWith('/search/')) {
            // A first visit's search loads its index: under a loaded CI machine WebKit once took
            // longer than 10 s. What is tested here is what the page does with the address, not speed.
            await page
              .waitFor(() => ['results', 'empty', 'failed'].includes(document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] ?? ''), undefined, 20_000)
              .catch(async (error: Error) => {
                // What the page says then, so a rare CI timeout tells a stuck search from a stalled driver.
                const status = await page
                  .evaluate(() => {
                    const el = document.querySelector<HTMLElement>('[data-search-status]');
                    return `state ${el?.dataset['state'] ?? '(none)'}, “${el?.textContent ?? ''}”, ${navigator.serviceWorker?.controller ? 'under' : 'not under'} the service worker`;
                  })
                  .catch((e: Error) => `unreadable: ${e.message}`);
                throw new Error(`${what}: ${error.message}; the page: ${status}; its probe: ${JSON.stringify((await page.probe().catch(() => undefined))?.problems)}`);
              });
          } else {
            // The highlighter ran (or had nothing to do) once the page's module has loaded.
            await page.waitFor(() => document.readyState === 'complete');
            await new Promise((r) => setTimeout(r, 300));
            expect(await blocks(page), what).toEqual(expectedBlocks(source));
          }
          expect(await page.evaluate(hostileEffectsInPage), what).toEqual({ pwned: null, injected: 0 });
          expect((await page.probe()).problems, `${what}: console errors, failed loads or CSP violations`).toEqual([]);
        }
      });
    }, 60_000);
  });
}
