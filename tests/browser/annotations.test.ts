import { describe, expect, it } from 'vitest';
import { ARTICLE, openPage, useBrowser } from './harness.ts';

const browser = useBrowser();
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 800 };

describe('sidebars of cards', () => {
  it('at 1,280 px the notes take at most about a third of the width, beside a text of 60 to 75 characters a line', async () => {
    const { page, close } = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(ARTICLE);
    const measured = await page.evaluate(() => {
      const sidebar = document.querySelector('.sidebar')!.getBoundingClientRect();
      const p = document.querySelector<HTMLElement>('.section-text > p:nth-of-type(2)')!;
      const lines = p.getClientRects().length > 1 ? p.getClientRects().length : Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
      return { notes: sidebar.width / document.documentElement.clientWidth, text: p.getBoundingClientRect().width, charsPerLine: (p.textContent ?? '').length / lines, lines };
    });
    expect(measured.notes, 'share of the width the notes take').toBeLessThanOrEqual(0.34);
    expect(measured.text).toBeGreaterThan(measured.notes * 1280);
    expect(measured.lines).toBeGreaterThan(2);
    expect(measured.charsPerLine).toBeGreaterThanOrEqual(60);
    expect(measured.charsPerLine).toBeLessThanOrEqual(80);
    await close();
  });

  it('sit beside each section’s text at 1280 px', async () => {
    const { page, close } = await openPage(browser(), { viewport: WIDE });
    await page.goto(ARTICLE);
    const sections = await page.$$eval('[data-article-body] > section', (els) =>
      els.map((s) => {
        const text = s.querySelector('.section-text')!.getBoundingClientRect();
        const sidebar = s.querySelector('.sidebar');
        const card = sidebar?.querySelector('.card')?.getBoundingClientRect();
        return { id: s.id, textRight: text.right, cardLeft: card?.left ?? null, cardWidth: card?.width ?? 0 };
      }),
    );
    expect(sections).toHaveLength(3);
    for (const s of sections) {
      expect(s.cardLeft, s.id).not.toBeNull();
      expect(s.cardLeft!, s.id).toBeGreaterThan(s.textRight);
      expect(s.cardWidth, s.id).toBeGreaterThan(200);
    }
    await close();
  });

  it('fold into a details element after the text at 375 px, and open on demand', async () => {
    const { page, close } = await openPage(browser(), { viewport: NARROW, javaScriptEnabled: false });
    await page.goto(ARTICLE);
    const sidebar = page.locator('#opening .sidebar');
    const summary = sidebar.locator('summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await sidebar.locator('.card').first().isVisible()).toBe(false);
    const textBottom = await page.locator('#opening .section-text').evaluate((el) => el.getBoundingClientRect().bottom);
    expect((await summary.boundingBox())!.y).toBeGreaterThan(textBottom - 1);
    await summary.click();
    expect(await sidebar.locator('.card').first().isVisible()).toBe(true);
    await close();
  });

  it('name each sidebar for its section', async () => {
    const { page, close } = await openPage(browser(), { viewport: WIDE });
    await page.goto(ARTICLE);
    const names = await page.$$eval('aside', (els) => els.map((a) => a.getAttribute('aria-label')));
    expect(names).toContain('Events and issues in ‘Different Means to Different Ends’');
    expect(names).toContain('Events, issues and people in ‘Preparing for the Eventualities’');
    expect(names).toContain('Events, issues and people in ‘Opening’');
    await close();
  });

  it('link every mark to its entry and every entry back to its marks, with no duplicate ids', async () => {
    const { page, close } = await openPage(browser(), { viewport: WIDE });
    await page.goto(ARTICLE);
    const report = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      const marks = [...document.querySelectorAll<HTMLAnchorElement>('a.mark')];
      const broken: string[] = [];
      for (const mark of marks) {
        const entry = document.getElementById(mark.hash.slice(1));
        if (!entry) broken.push(`${mark.id} → ${mark.hash} missing`);
        else if (entry.closest('section') !== mark.closest('section')) broken.push(`${mark.id} → other section`);
        else if (!entry.querySelector(`a[href="#${mark.id}"]`)) broken.push(`${mark.hash} has no back-link to ${mark.id}`);
      }
      const backLinks = [...document.querySelectorAll<HTMLAnchorElement>('.sidebar .mentions a')];
      for (const link of backLinks) if (!document.getElementById(link.hash.slice(1))) broken.push(`back-link ${link.hash} missing`);
      return { duplicates, broken, marks: marks.length, backLinks: backLinks.length };
    });
    expect(report.duplicates).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(report.marks).toBeGreaterThanOrEqual(30);
    expect(report.backLinks).toBeGreaterThanOrEqual(report.marks);
    await close();
  });

  it('carry each date’s precision in <time datetime>, cards in the order the text first mentions them, lettered so', async () => {
    const { page, close } = await openPage(browser(), { viewport: WIDE });
    await page.goto(ARTICLE);
    const datetime = (id: string) => page.locator(`#${id} .event-date time`).getAttribute('datetime');
    expect(await datetime('opening--event-liaison-office')).toBe('2018-09-14');
    expect(await datetime('opening--event-road-rail-concern')).toBe('2018-10');
    expect(await datetime('preparing-for-the-eventualities--event-division-38th-parallel')).toBe('1945');
    expect(await page.locator('#opening--event-liaison-office .event-date').innerText()).toContain('In early September');
    const order = await page.evaluate(() => {
      const firstMentions = [...new Set([...document.querySelectorAll<HTMLAnchorElement>('#opening .section-text a.mark')].map((m) => m.hash.slice(1)))];
      const cards = [...document.querySelectorAll('#opening .cards > li > .card')];
      return { firstMentions, cards: cards.map((c) => c.id), letters: cards.map((c) => (c as HTMLElement).dataset['note']).join('') };
    });
    expect(order.cards).toEqual(order.firstMentions);
    expect(order.letters).toBe('abcdefghijklmnopqr');
    await close();
  });

  it('lets a keyboard or no-JS reader follow a mark into the folded sidebar and back', async () => {
    const { page, close } = await openPage(browser(), { viewport: NARROW, javaScriptEnabled: false });
    await page.goto(ARTICLE);
    await page.locator('a.mark', { hasText: 'the South opened a liaison office with the North' }).click();
    expect(new URL(page.url()).hash).toBe('#opening--event-liaison-office');
    expect(await page.locator('#opening--event-liaison-office').isVisible()).toBe(true);
    await page.locator('#opening--event-liaison-office .mentions a').first().click();
    expect(new URL(page.url()).hash).toBe('#mark-event-liaison-office-1');
    await close();
  });
});

describe('events, issues and people pages', () => {
  it('/events/ is a timeline grouped by year, each event linking to its mentions', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/events/');
    // Paged: the index of years on every page names them all, and each leads to its page.
    const years = await page.$$eval('nav.pager[aria-label="Events by year"] a', (a) => a.map((e) => e.textContent));
    expect(years).toEqual(['1945', '1950', '1953', '1994', '2007', '2010', '2014', '2018', 'Undated']);
    let cards = 0;
    for (let n = 1; n <= 10; n++) {
      await page.goto(n === 1 ? '/events/' : `/events/${n}/`);
      cards += await page.locator('.event-card').count();
      if (await page.locator('#event-opcon-pledge').count()) break;
    }
    expect(cards).toBeGreaterThanOrEqual(15);
    const link = page.locator('#event-opcon-pledge .mentions a').first();
    expect(await link.getAttribute('href')).toBe(`${ARTICLE}#mark-event-opcon-pledge-1`);
    await link.click();
    expect(await page.locator('#mark-event-opcon-pledge-1').innerText()).toBe('new military chief pledged');
    await close();
  });

  it('/issues/opcon/ has its summary, events and every mention with a quoted context', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/issues/');
    await page.getByRole('link', { name: 'Wartime operational control (OPCON)' }).click();
    expect(new URL(page.url()).pathname).toBe('/issues/opcon/');
    expect(await page.locator('h1').innerText()).toBe('Wartime operational control (OPCON)');
    const events = await page.$$eval('#issue-events ~ ol .card-title', (h) => h.map((e) => e.textContent?.trim()));
    expect(events).toContain('Allies agree to transfer wartime OPCON');
    expect(events).toContain('Defence chiefs agree on OPCON transfer at “an early date”');
    const quotes = await page.$$eval('blockquote', (q) => q.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain('wartime operational control, or OPCON');
    expect(await page.locator('blockquote mark').first().innerText()).toBe('wartime operational control, or OPCON');
    await close();
  });
});

describe('people', () => {
  it('marks each person where the article names them, with a card beside the words: name, role and when the sources give it', async () => {
    const { page, close } = await openPage(browser(), { viewport: WIDE });
    await page.goto(ARTICLE);
    const mark = page.locator('#mark-person-kang-kyung-wha-1');
    expect(await mark.innerText()).toBe('Kang Kyung-wha');
    expect(await mark.getAttribute('href')).toBe('#opening--person-kang-kyung-wha');
    const card = page.locator('#opening--person-kang-kyung-wha');
    expect(await card.locator('.card-kind').innerText()).toBe('PERSON');
    expect(await card.locator('.card-title a').getAttribute('href')).toBe('/people/kang-kyung-wha/');
    expect((await card.locator('.role').innerText()).replace(/\s+/g, ' ')).toBe('South Korean Foreign Minister (as of October 2018)');
    expect(await card.locator('.role time').getAttribute('datetime')).toBe('2018-10');
    // The context names the offices' holders the article gives only by their office.
    expect(await page.locator('#mark-person-jim-mattis-1').innerText()).toBe('The U.S. defense secretary');
    expect(await page.locator('#preparing-for-the-eventualities--person-jim-mattis .card-title').innerText()).toContain('Jim Mattis');
    // Back from the card to the words.
    await card.locator('.mentions a').first().click();
    expect(new URL(page.url()).hash).toBe('#mark-person-kang-kyung-wha-1');
    await close();
  });

  it('/people/ lists everyone named, each linked to a page with their role, events, issues and every mention quoted', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/people/');
    const names = await page.$$eval('main .card-title a', (a) => a.map((e) => e.textContent?.trim()));
    expect(names).toEqual(['Donald Trump', 'Jeong Kyeong-doo', 'Jim Mattis', 'Kang Kyung-wha', 'Kim Jong Un', 'Moon Jae-in']);
    await page.getByRole('link', { name: 'Kim Jong Un' }).click();
    expect(new URL(page.url()).pathname).toBe('/people/kim-jong-un/');
    expect(await page.locator('h1').innerText()).toBe('Kim Jong Un');
    expect((await page.locator('main p').nth(1).innerText()).replace(/\s+/g, ' ')).toBe('North Korean leader (as of October 2018)');
    expect(await page.$$eval('#person-events ~ ol .card-title', (h) => h.map((e) => e.textContent?.trim()))).toEqual(['Moon and Kim meet in Pyongyang', 'Pyongyang Joint Declaration and military agreement']);
    expect(await page.$$eval('#person-issues ~ ol .card-title', (h) => h.map((e) => e.textContent?.trim()))).toContain('Reunification and the end of the war');
    const quotes = await page.$$eval('blockquote mark', (m) => m.map((e) => e.textContent));
    expect(quotes).toEqual(['Kim Jong Un', 'And Kim']);
    // Linked both ways: the page names the person.
    await page.goto('/issues/opcon/');
    expect(await page.$$eval('#issue-people ~ ol .card-title', (h) => h.map((e) => e.textContent?.trim()))).toEqual(['Jeong Kyeong-doo', 'Jim Mattis']);
    await close();
  });
});

describe('figures made for this edition', () => {
  it('stand where the original’s figures were, labelled, with a text alternative', async () => {
    const { page, close } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(ARTICLE);
    const figures = page.locator('[data-article-body] figure.edition-figure');
    expect(await figures.count()).toBe(2);
    // After the first paragraph of each titled section, as in the original.
    expect(await page.locator('#different-means-to-different-ends-p1 + figure').count()).toBe(1);
    expect(await page.locator('#preparing-for-the-eventualities-p1 + figure').count()).toBe(1);
    const timeline = figures.first();
    expect(await timeline.locator('figcaption').innerText()).toContain('Figure made for this edition, not the original’s');
    const facts = await timeline.locator('ol li').allTextContents();
    expect(facts).toContain('14 September 2018: Inter-Korean liaison office opens');
    expect(facts).toContain('18–20 September 2018: Moon and Kim meet in Pyongyang');
    const opcon = await figures.nth(1).locator('ol li').allTextContents();
    expect(opcon.map((f) => f.split(';')[1]?.trim())).toEqual(['target April 2012.', 'target December 2015.', 'target conditions-based.']);
    await close();
  });

  it('keep a legible size on a phone, scrolling sideways in their own box (the page does not)', async () => {
    const { page, close } = await openPage(browser(), { viewport: { width: 375, height: 800 } });
    await page.goto(ARTICLE);
    const boxes = page.locator('[data-article-body] .figure-scroll');
    expect(await boxes.count()).toBe(2);
    for (const box of await boxes.all()) {
      const size = await box.evaluate((b) => ({ box: b.clientWidth, drawing: b.firstElementChild!.getBoundingClientRect().width, label: getComputedStyle(b.querySelector('text')!).fontSize }));
      expect(size.drawing).toBeGreaterThan(size.box);
      // The drawing's 13px labels are scaled by drawing width / viewBox width: never below 11px.
      const viewBox = await box.evaluate((b) => (b.firstElementChild as SVGSVGElement).viewBox.baseVal.width);
      expect((13 * size.drawing) / viewBox).toBeGreaterThanOrEqual(11);
      expect(await box.getAttribute('tabindex')).toBe('0');
      expect(await box.getAttribute('aria-label')).toMatch(/^Figure: /);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await close();
  });
});
