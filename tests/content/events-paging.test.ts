/**
 * The events listing stays a set of readable pages however many events an archive has:
 * LISTING_PAGE_SIZE cards to a page in date order, each page linking to the earlier and later ones and to where each year
 * starts. The timeline of so many events is paged too, and its pager leaves numbers out where there are too many to name.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGER_REACH, pageWindow } from '../../src/lib/routing/archive.ts';
import { LISTING_PAGE_SIZE } from '../../src/lib/routing/routes.ts';
import { TIMELINE_PAGE_SIZE } from '../../src/lib/view/timeline.ts';
import { buildFixture, type BuildResult } from './build.ts';

/** Enough events for a timeline whose pager must leave numbers out: more pages than the first, the last and those in reach. */
const EVENTS = 300;
let built: BuildResult;
const page = (n: number) => readFileSync(join(built.outDir, n === 1 ? 'events/index.html' : `events/${n}/index.html`), 'utf8');
const cards = (html: string) => [...html.matchAll(/<article class="card event-card" id="event-([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  mkdirSync('.tmp', { recursive: true });
  const content = mkdtempSync(join('.tmp', 'events-'));
  cpSync('tests/fixtures/two-articles', content, { recursive: true });
  mkdirSync(join(content, 'events'));
  // EVENTS events over 2019 and 2020, written out of order.
  for (let i = EVENTS - 1; i >= 0; i--) {
    const year = i < EVENTS / 2 ? 2019 : 2020;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(
      join(content, 'events', `event-${String(i).padStart(3, '0')}.yaml`),
      `title: Event number ${i}\ndate: "${year}-${month}-${day}"\nprecision: day\nnote: A generated event.\nbasis: article\nevidence:\n  - First piece, opening words.\n`,
    );
  }
  built = await buildFixture(content);
});

describe('the events listing, paged', () => {
  const LAST = Math.ceil(EVENTS / LISTING_PAGE_SIZE);
  const all = () => Array.from({ length: LAST }, (_, i) => page(i + 1));

  it('lists LISTING_PAGE_SIZE events to a page, in date order, every event once', () => {
    expect(built.code, built.output).toBe(0);
    expect(LAST).toBeGreaterThan(2);
    const pages = all().map(cards);
    for (const list of pages.slice(0, -1)) expect(list).toHaveLength(LISTING_PAGE_SIZE);
    expect(pages.at(-1)).toHaveLength(EVENTS - (LAST - 1) * LISTING_PAGE_SIZE);
    expect(new Set(pages.flat()).size).toBe(EVENTS);
    // Date order across the pages: every 2019 event before every 2020 one, a year continued onto the next page says so.
    const years = all().flatMap((html) => [...html.matchAll(/<h2 id="year-(\d+)"/g)].map((m) => m[1]));
    expect(years).toEqual([...years].sort());
    expect(all().some((html) => html.includes('2020, continued'))).toBe(true);
    expect(page(2)).toContain('2019, continued');
  });

  it('links each page to the earlier and later ones, and to the page where each year starts', () => {
    expect(page(1)).toMatch(/<a href="\/events\/2\/" rel="next">Later events<\/a>/);
    expect(page(2)).toMatch(/<a href="\/events\/" rel="prev">Earlier events<\/a>/);
    for (const html of all()) {
      expect(html).toContain('<a href="/events/"');
      expect(html).toMatch(/<nav class="pager" aria-label="Events by year">[\s\S]*?>2019<\/a>[\s\S]*?>2020<\/a>/);
    }
    expect(page(2)).toContain(`Page 2 of ${LAST}`);
  });

  it('names the first, the last and the nearby pages of the timeline, and marks the numbers left out with an ellipsis', () => {
    const pages = Math.ceil(EVENTS / TIMELINE_PAGE_SIZE);
    // Page 1 names itself, PAGER_REACH pages after it and the last, and never hides one page alone.
    expect(pages, 'enough pages for a gap').toBeGreaterThanOrEqual(1 + PAGER_REACH + 3);
    const numbers = (n: number) => {
      const html = readFileSync(join(built.outDir, n === 1 ? 'timeline/index.html' : `timeline/${n}/index.html`), 'utf8');
      const nav = html.match(/<nav class="pager" aria-label="Timeline[^"]*: pages">([\s\S]*?)<\/nav>/)?.[1] ?? '';
      return [...nav.matchAll(/<li>(?:<a [^>]*>([^<]+)<\/a>|(…))<\/li>/g)].map((m) => m[1] ?? m[2]);
    };
    // What the pager should name, as the pager logic (unit-tested in archive.test.ts) decides it.
    const expected = (current: number) => [
      ...(current > 1 ? ['Newer'] : []),
      ...pageWindow(current, pages, PAGER_REACH).map((n) => (n === 'gap' ? '…' : String(n))),
      ...(current < pages ? ['Older'] : []),
    ];
    expect(numbers(1)).toEqual(expected(1));
    expect(numbers(1)).toContain('…');
    expect(numbers(pages)).toContain('…');
    expect(numbers(pages)).toEqual(expected(pages));
  });
});
