import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer } from '../../scripts/static-server.ts';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';

let result: BuildResult;
beforeAll(async () => {
  mkdirSync('.tmp', { recursive: true });
  result = await buildFixture('tests/fixtures/two-articles');
});

describe('a second article dropped into content/ just works', () => {
  it('builds both articles and lists them on the home page', () => {
    expect(result.code, result.output).toBe(0);
    for (const slug of ['first-piece', 'second-piece']) {
      expect(existsSync(join(result.outDir, slug, 'index.html')), slug).toBe(true);
    }
    const home = readFileSync(join(result.outDir, 'index.html'), 'utf8');
    // Newest first: the 2021 piece before the 2020 one.
    expect(home.indexOf('Second Piece')).toBeGreaterThan(-1);
    expect(home.indexOf('Second Piece')).toBeLessThan(home.indexOf('First Piece'));
  });

  it('keeps each article’s sections to itself, in their order', () => {
    const second = readFileSync(join(result.outDir, 'second-piece', 'index.html'), 'utf8');
    expect(second).toContain('Second piece, opening words.');
    expect(second).not.toContain('First piece');
    expect(second.indexOf('id="start"')).toBeLessThan(second.indexOf('id="next"'));
  });

  it('says honestly where a figure of the original is missing and this edition has none', () => {
    const first = readFileSync(join(result.outDir, 'first-piece', 'index.html'), 'utf8');
    expect(first).toMatch(/class="editors-note"[^>]*>.*the original article shows a figure here\. It is not available in this edition\./s);
    expect(first).toContain('First piece, closing words.');
  });

  it('keeps old links working: a former id lands on its section, as fragment and as share URL', async () => {
    const share = readFileSync(join(result.outDir, 'second-piece', 'beginning', 'index.html'), 'utf8');
    expect(share).toContain('<link rel="canonical" href="http://localhost:4321/second-piece/">');
    expect(share).toContain('<meta property="og:image" content="http://localhost:4321/og/second-piece.png">');
    expect(share).toContain('<meta http-equiv="refresh" content="0; url=/second-piece/#start">');
    const server = await startStaticServer({ root: result.outDir });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false, reducedMotion: 'reduce', viewport: { width: 800, height: 400 } });
      // The old fragment lands on the section; the old share URL sends the reader to the section itself.
      for (const [path, landing] of [
        ['/second-piece/#beginning', '/second-piece/#beginning'],
        ['/second-piece/beginning/#beginning', '/second-piece/#start'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.waitForURL(`${server.url}${landing}`);
        await page.waitForLoadState('load');
        const landed = await page.evaluate(() => {
          // A titled section's head is marked; an untitled opening's first words are.
          const head = document.querySelector('#start .section-head') ?? document.querySelector('#start > .section-text > p')!;
          const r = head.getBoundingClientRect();
          return { outline: getComputedStyle(head).outlineStyle, inView: r.top >= -1 && r.top < innerHeight };
        });
        expect(landed, path).toEqual({ outline: 'solid', inView: true });
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('groups search results by article, each section once, and filters by article from the URL', async () => {
    const server = await startStaticServer({ root: result.outDir });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const ready = (page: import('playwright-core').Page) =>
      page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/search/?q=words`);
      await ready(page);
      const groups = () =>
        page.locator('.result-group').evaluateAll((gs) =>
          gs.map((g) => ({
            title: g.querySelector('.group-title')!.textContent,
            hits: [...g.querySelectorAll('a.result-link')].map((a) => `${a.textContent} ${a.getAttribute('href')}`),
          })),
        );
      const all = await groups();
      expect(all.map((g) => g.title).sort()).toEqual(['First Piece', 'Second Piece']);
      expect(all.find((g) => g.title === 'Second Piece')!.hits.sort()).toEqual([
        'Later Part /second-piece/?highlight=words#next',
        'Opening /second-piece/?highlight=words#start',
      ]);
      const articles = page.getByRole('group', { name: 'Article' });
      expect(await articles.locator('label').evaluateAll((ls) => ls.map((l) => l.textContent!.replace(/\s+/g, ' ').trim()).sort())).toEqual([
        'First Piece (1)',
        'Second Piece (1)',
      ]);
      await page.goto(`${server.url}/search/?q=words&article=${encodeURIComponent('First Piece')}`);
      await ready(page);
      expect((await groups()).map((g) => g.title)).toEqual(['First Piece']);
      expect(await page.getByRole('checkbox', { name: /^First Piece/ }).isChecked()).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
