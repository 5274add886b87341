/** Browser measurements shared by our site and the Starlight peer. Numbers, not verdicts. */
import { chromium, type Browser, type Page } from 'playwright-core';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export interface ColdLoad {
  requests: number;
  transferBytes: number;
  byType: Record<string, { requests: number; bytes: number }>;
  /** Bytes of JavaScript V8 compiled before any interaction (precise coverage sources). */
  jsCompiledBytes: number;
  /** Bytes of search code and index fetched before the reader asks for search. */
  searchBytesAtLoad: number;
}

/**
 * Every request the page finishes, with its bytes. A request's sizes arrive after it finishes:
 * `settled` waits for them, so none is read after its page has closed, nor left uncounted.
 */
function track(page: Page) {
  const loads: Array<{ type: string; bytes: number; url: string }> = [];
  const pending: Array<Promise<void>> = [];
  page.on('requestfinished', (request) => {
    pending.push(request.sizes().then((sizes) => void loads.push({ type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, url: request.url() })));
  });
  const settled = async () => {
    await Promise.all(pending);
    return loads;
  };
  return settled;
}

/** A cold load (fresh context, empty cache) of `url`, after the network settles. */
export async function coldLoad(browser: Browser, url: string): Promise<ColdLoad> {
  // A first visit: no service worker has kept anything yet (ours installs after load).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const settled = track(page);
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const coverage = await page.coverage.stopJSCoverage();
  const loads = await settled();
  await context.close();
  const byType: ColdLoad['byType'] = {};
  for (const l of loads) {
    const entry = (byType[l.type] ??= { requests: 0, bytes: 0 });
    entry.requests++;
    entry.bytes += l.bytes;
  }
  return {
    requests: loads.length,
    transferBytes: loads.reduce((n, l) => n + l.bytes, 0),
    byType,
    jsCompiledBytes: coverage.reduce((n, entry) => n + (entry.source?.length ?? 0), 0),
    // Pagefind's files, search scripts, and `ui-core`: the chunk Starlight's build makes of
    // Pagefind's default UI, which its search script imports on every page.
    searchBytesAtLoad: loads.filter((l) => /pagefind|search|ui-core/i.test(new URL(l.url).pathname)).reduce((n, l) => n + l.bytes, 0),
  };
}

export interface SearchRun {
  latencyMs: number;
  bytes: number;
  /** A second search in the same page, index already loaded: what every later search costs. */
  warmLatencyMs: number;
  warmBytes: number;
}

type SearchUi = { open: (page: Page) => Promise<void>; input: string; result: string };

/** Type `query` into the open search and time its last keystroke to the first result in the DOM. */
async function timedQuery(page: Page, ui: SearchUi, query: string): Promise<number> {
  await page.evaluate(
    ({ result, last }) => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      delete w.__t0;
      delete w.__t1;
      document.addEventListener('keydown', (e) => {
        if (e.key === last) w.__t0 = performance.now();
      }, true);
      new MutationObserver((_, observer) => {
        if (w.__t0 !== undefined && document.querySelector(result)) {
          w.__t1 = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    },
    { result: ui.result, last: query.at(-1)! },
  );
  await page.locator(ui.input).pressSequentially(query);
  await page.waitForFunction(() => (window as unknown as { __t1?: number }).__t1 !== undefined, undefined, { timeout: 15_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });
}

/**
 * One cold search: a fresh browser context, open the page, open search the site's own way, type
 * "OPCON" straight away (no pause for the index to load), and time the last keystroke to the
 * first result in the DOM. Bytes: everything fetched from opening search to the settled results.
 * Then a warm search for `warmQuery` in the same page, timed and counted the same way.
 */
export async function searchOnce(browser: Browser, url: string, ui: SearchUi, query = 'OPCON', warmQuery = 'sanctions'): Promise<SearchRun> {
  // Search over the network, as on a first visit: our service worker would otherwise serve the
  // index it keeps at install, and the bytes would not show (its own cost is reported apart).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const settled = track(page);
  await ui.open(page);
  await page.locator(ui.input).waitFor();
  const latencyMs = await timedQuery(page, ui, query);
  await page.waitForLoadState('networkidle');
  const loads = await settled();
  const bytes = loads.reduce((n, l) => n + l.bytes, 0);
  await page.locator(ui.input).fill('');
  await page.waitForFunction((result) => !document.querySelector(result), ui.result);
  const before = loads.length;
  const warmLatencyMs = await timedQuery(page, ui, warmQuery);
  await page.waitForLoadState('networkidle');
  const warmBytes = (await settled()).slice(before).reduce((n, l) => n + l.bytes, 0);
  await context.close();
  return { latencyMs, bytes, warmLatencyMs, warmBytes };
}

export type Scores = Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;

/** Lighthouse's default (mobile, simulated throttling) category scores, 0–100. */
export async function lighthouseScores(url: string): Promise<Scores> {
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const categories = result!.lhr.categories;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    return { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') };
  } finally {
    chrome.kill();
  }
}
