/**
 * The archive's pages over the archive fixture (tests/fixtures/archive: 42 articles by three
 * authors, 2012–2021), as built by the global set-up: paging and the year archive, authors,
 * related reading and "Since this was published", the timeline and its topic filter; every
 * article within three links of the front page, every page within its bytes, valid and axe-clean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { linksFrom, pagesOver } from '../../scripts/dist-pages.ts';
import { ARCHIVE_DIST } from './global-setup.ts';
import { axeViolations, gzipBytes, htmlErrors, nuErrors } from './gates.ts';

const FIXTURE = 'tests/fixtures/archive';
const SLUGS = readdirSync(join(FIXTURE, 'articles')).sort();
const META = new Map(SLUGS.map((slug) => [slug, parse(readFileSync(join(FIXTURE, 'articles', slug, 'article.yaml'), 'utf8')) as Record<string, string>]));
/** Newest first, as the front page lists them (dates compared as written, ties by slug). */
const NEWEST = [...SLUGS].sort((a, b) => META.get(b)!['published']!.localeCompare(META.get(a)!['published']!) || a.localeCompare(b));

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${inject('archiveURL')}${path}`);
  return page;
}
const html = (path: string) => readFileSync(join(ARCHIVE_DIST, path, 'index.html'), 'utf8');

/** Every built page, by its path. */
describe('an archive a reader can find their way through', () => {
  it('the front page lists the newest twenty, each with title, author, date, description and topics; older ones are paged', async () => {
    const page = await open('/');
    const entries = await page.$$eval('.article-entry', (items) =>
      items.map((li) => ({
        href: li.querySelector('h2 a')!.getAttribute('href'),
        author: li.querySelector('.byline a')!.getAttribute('href'),
        date: li.querySelector('time')?.getAttribute('datetime'),
        description: li.querySelector('.article-entry-description')?.textContent,
        topics: li.querySelectorAll('.topics a').length,
      })),
    );
    expect(entries.map((e) => e.href)).toEqual(NEWEST.slice(0, 20).map((slug) => `/${slug}/`));
    for (const [i, e] of entries.entries()) {
      const meta = META.get(NEWEST[i]!)!;
      expect(e.author).toBe(`/authors/${meta['author']}/`);
      expect(e.date).toBe(meta['published']);
      expect(e.description).toBe(meta['description']);
      expect(e.topics).toBeGreaterThan(0);
    }
    expect(await page.$$eval('.pager a', (a) => a.map((x) => x.getAttribute('href')))).toEqual(['/', '/page/2/', '/page/3/', '/page/2/']);
    await page.close();
    // Page 3 holds the last two, the oldest.
    expect([...html('page/3').matchAll(/<h2 class="article-entry-title"><a href="\/([^/]+)\/"/g)].map((m) => m[1])).toEqual(NEWEST.slice(40));
  });

  it('the year archive counts every year, and each year lists its articles newest first', () => {
    const years = [...html('archive').matchAll(/<a href="\/archive\/(\d{4})\/">\d{4}<\/a> <span class="count">\((\d+) articles?\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(years.map(([y]) => y)).toEqual([2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014, 2013, 2012]);
    expect(years.reduce((n, [, c]) => n + c!, 0)).toBe(42);
    const in2015 = NEWEST.filter((slug) => META.get(slug)!['published']!.startsWith('2015'));
    expect([...html('archive/2015').matchAll(/<h2 class="article-entry-title"><a href="\/([^/]+)\/"/g)].map((m) => m[1])).toEqual(in2015);
  });

  it('each author has a page with their note and their articles, newest first; the byline links there', async () => {
    const page = await open('/authors/ann-author/');
    expect(await page.locator('h1').textContent()).toBe('Ann Author');
    expect(await page.locator('.author-note').textContent()).toContain('Ann writes about small things that matter.');
    const hrefs = await page.$$eval('.article-entry h2 a', (a) => a.map((x) => x.getAttribute('href')));
    expect(hrefs).toEqual(NEWEST.filter((slug) => META.get(slug)!['author'] === 'ann-author').map((slug) => `/${slug}/`));
    await page.goto(`${inject('archiveURL')}/dispatch-01/`);
    expect(await page.locator('.article-header .byline a').first().getAttribute('href')).toBe('/authors/ann-author/');
    // The author note stays in the article.
    expect(await page.locator('#author').textContent()).toContain('Ann writes about small things that matter.');
    await page.close();
  });

  it('an article ends with what happened since, and related reading with the reason; the newest on its topics says nothing since', async () => {
    const page = await open('/dispatch-01/');
    const since = await page.$$eval('#since .since-events > li', (items) => items.map((li) => ({ date: li.querySelector('time')!.getAttribute('datetime')!, articles: [...li.querySelectorAll('.since-articles a')].map((a) => a.getAttribute('href')!) })));
    expect(since.length).toBeGreaterThan(0);
    expect(since.length).toBeLessThanOrEqual(5);
    // Later than the article, in date order, each newer article later than the article too, oldest first.
    const published = META.get('dispatch-01')!['published']!;
    expect(since.every((e) => e.date > published)).toBe(true);
    expect(since.map((e) => e.date)).toEqual([...since.map((e) => e.date)].sort());
    for (const e of since) {
      const dates = e.articles.map((href) => META.get(href.slice(1, -1))!['published']!);
      expect(dates.every((d) => d > published)).toBe(true);
      expect(dates).toEqual([...dates].sort());
    }
    expect((await page.locator('#since .since-more').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^And \d+ more, on: \S/);
    expect(await page.locator('#since .since-more a').count()).toBeGreaterThan(0);
    const related = await page.$$eval('#related .article-entry', (items) => items.map((li) => li.querySelector('.reason')?.textContent));
    expect(related).toHaveLength(3);
    expect(related.every((r) => /^also (on|names) /.test(r ?? ''))).toBe(true);
    await page.close();
    // The newest article says nothing since; the contents do not offer it either.
    const newest = html(NEWEST[0]!);
    expect(newest).not.toContain('id="since"');
    expect(newest).not.toContain('href="#since"');
  });

  it('a topic with one article still has its page; the topics index counts', () => {
    expect(html('issues/sea-wall')).toContain('href="/dispatch-01/');
  });

  it('the timeline draws every dated event at its precision and lists the same events in order; a topic filters it', async () => {
    const page = await open('/timeline/');
    const years = await page.$$eval('.timeline-year', (sections) => sections.map((s) => ({ marks: s.querySelectorAll('svg .timeline-mark').length + Number((s.querySelector('.timeline-more')?.textContent ?? '+0').slice(1)), listed: s.querySelectorAll('.timeline-events > li').length, svgHidden: s.querySelector('svg')!.getAttribute('aria-hidden') })));
    const events = readdirSync(join(FIXTURE, 'events')).length;
    expect(years.reduce((n, y) => n + y.listed, 0)).toBe(events);
    for (const y of years) expect(y.marks).toBe(y.listed);
    expect(years.every((y) => y.svgHidden === 'true')).toBe(true);
    // A year-only event spans the strip; a month's, one twelfth.
    const widths = await page.$$eval('#timeline-2013 svg rect.timeline-mark, #timeline-2014 svg rect.timeline-mark', (r) => r.map((x) => Number(x.getAttribute('width'))));
    expect(widths).toContain(718);
    expect(widths).toContain(58);
    // A topic's filter is its own page's timeline: only its events, each mark leading to its card.
    expect(await page.locator('.timeline-filter a').first().getAttribute('href')).toMatch(/^\/issues\/[^/]+\/#issue-timeline$/);
    await page.goto(`${inject('archiveURL')}/issues/lighthouse/#issue-timeline`);
    const titles = await page.$$eval('#issue-timeline svg title', (t) => t.map((x) => x.textContent));
    expect(titles.length).toBe(10);
    expect(titles.every((t) => t!.startsWith('The lighthouse'))).toBe(true);
    await page.close();
  });

  it('every article is within three links of the front page, and no page is over 100 KB', () => {
    const seen = linksFrom(ARCHIVE_DIST, '/', 3);
    expect(SLUGS.filter((slug) => !seen.has(`/${slug}/`))).toEqual([]);
    expect(pagesOver(ARCHIVE_DIST, 100 * 1024)).toEqual([]);
    // The front page's first screen, and indeed all of it, arrives in the first 14 KB.
    expect(gzipBytes(html(''))).toBeLessThanOrEqual(14 * 1024);
  });

  it('is valid HTML and axe-clean in light and dark', async () => {
    expect({ nu: await nuErrors(ARCHIVE_DIST), htmlValidate: await htmlErrors(ARCHIVE_DIST) }).toEqual({ nu: [], htmlValidate: [] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const path of ['/', '/page/2/', '/archive/', '/archive/2015/', '/authors/', '/authors/ben-writer/', '/timeline/', '/issues/harbour-toll/', '/dispatch-01/']) {
      await page.goto(`${inject('archiveURL')}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();
  }, 90_000);
});
