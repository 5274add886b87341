/**
 * The quality gates, as functions: the gate tests run them on every page type of the real site,
 * and the proof tests run them on a deliberately broken fixture site to show each one can fail.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { epubcheckPath, javaPath } from '../../scripts/browsers.ts';
import { openPage } from './harness.ts';
import type { Budget } from '../budget-report.ts';

/** Collects Content-Security-Policy violations from every page the context opens. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/**
 * Axe's violations on the page as it stands, in each colour scheme, each named with its scheme
 * ("dark: color-contrast: …"). The scheme is switched in place, so one load serves both.
 * Legacy mode runs axe in the page itself: our pages have no frames, and the default mode opens
 * a blank page for every run to merge frames' results, which doubles the time of each check.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    for (const v of results.violations) violations.push(`${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }
  return violations;
}

/** Elements wider than the viewport, when the page scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= innerWidth) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
}

/**
 * Targets smaller than 24×24 CSS px (WCAG 2.5.8). Links inside a sentence are exempt, as WCAG
 * allows: their size is set by the line of text around them.
 */
export function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
        const block = el.parentElement?.closest('p, li, figcaption, blockquote, dd, td');
        const inSentence = block && (block.textContent ?? '').trim() !== (el.textContent ?? '').trim();
        if (inSentence && el.tagName === 'A' && !el.matches('.anchor, .p-link')) return false;
        return box.width < 24 || box.height < 24;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`),
  );
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** html-validate's recommended rules over every HTML file under `dir`. */
export async function htmlErrors(dir: string): Promise<string[]> {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes `<!DOCTYPE html>` and void elements its own way; neither is an error in HTML.
      'doctype-style': 'off',
      'void-style': 'off',
      // Inline SVG figures carry presentational attributes by design.
      'no-inline-style': 'off',
      // Share pages are titled "Section — Article": longer than 70 characters, and meant to be.
      'long-title': 'off',
    },
  });
  const errors: string[] = [];
  for (const file of htmlFiles(dir)) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return errors;
}

/**
 * The W3C Nu Html Checker (vnu.jar from npm, run on Debian's Java) over every HTML file under
 * `dir`: its errors, as "file:line: message". Warnings are advice and are not counted.
 */
export async function nuErrors(dir: string): Promise<string[]> {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  // vnu exits 1 when it finds errors; its report is on stderr either way.
  const { stderr } = await promisify(execFile)(javaPath, ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', dir], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string; code?: number }) => {
    if (error.code === 1 && error.stderr) return { stderr: error.stderr };
    throw error;
  });
  const report = JSON.parse(stderr) as { messages: Array<{ type: string; url?: string; lastLine?: number; message: string }> };
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${(m.url ?? '').replace(/^file:.*?\/(dist|tests)\//, '$1/')}:${m.lastLine ?? 0}: ${m.message}`);
}

/**
 * The W3C EPUBCheck (Debian's) over one EPUB file: every fatal error, error and warning it
 * reports, as "ERROR(RSC-005): …". Empty means a clean book.
 */
export async function epubcheckMessages(file: string): Promise<string[]> {
  // A run of a few seconds: the quick compiler alone and one GC thread halve its time and CPU.
  // (Not for the Nu checker: its schema needs the full compiler's smaller stack frames.)
  const QUICK_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  // EPUBCheck exits 1 when it finds something; its report is on stderr and stdout either way.
  const { stdout, stderr, code } = await promisify(execFile)(javaPath, [...QUICK_JVM, '-jar', epubcheckPath, file], { maxBuffer: 16 * 1024 * 1024 })
    .then((r) => ({ ...r, code: 0 }))
    .catch((error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '', code: error.code ?? -1 }));
  const messages = `${stdout}\n${stderr}`.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)\(/.test(line)).map((line) => line.replace(/^(\w+\([^)]*\)): \S+?\.epub/, '$1'));
  // A failure it did not explain (no Java, a crash) is a failure too.
  return messages.length === 0 && code !== 0 ? [`epubcheck exited ${code}: ${stderr.trim()}`] : messages;
}

/** Broken links and fragments on pages reachable from `url`; other origins are not followed. */
export async function brokenLinks(url: string): Promise<string[]> {
  const origin = new URL(url).origin;
  const checker = new LinkChecker();
  const result = await checker.check({
    path: url,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    linksToSkip: async (link: string) => !link.startsWith(origin),
  });
  return result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (from ${l.parent}, status ${l.status})`);
}

/** Print problems: site chrome still shown, external links without their address, figures dropped. */
export async function printProblems(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const shown = (el: Element) => getComputedStyle(el).display !== 'none';
    for (const el of document.querySelectorAll('nav[aria-label="Site"], form[role=search], .share-button, .skip-link')) {
      if (shown(el)) found.push(`chrome printed: ${el.tagName.toLowerCase()}.${el.className}`);
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"]')) {
      if (!getComputedStyle(a, '::after').content.includes(a.href)) found.push(`link printed without its address: ${a.href}`);
    }
    for (const figure of document.querySelectorAll('figure')) if (!shown(figure)) found.push('figure not printed');
    return found;
  });
  await page.emulateMedia({ media: 'screen' });
  return problems;
}

/**
 * Motion for a reader who asked for less: smooth scrolling, animations or transitions while
 * `prefers-reduced-motion: reduce` is emulated.
 */
export async function motionProblems(page: Page): Promise<string[]> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page.evaluate(() => {
    const found: string[] = [];
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('smooth scrolling');
    for (const el of document.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) {
        found.push(`moves: ${el.tagName.toLowerCase()}.${el.className}`);
      }
    }
    return found;
  });
}

/**
 * Scripts that hold up reading: any classic script without `async` or `defer`, inline or not,
 * anywhere in the document. Module scripts are deferred by definition; JSON-LD is data.
 */
export function blockingScripts(page: Page): Promise<string[]> {
  return page.$$eval('script', (scripts) =>
    scripts
      .filter((s) => !['module', 'application/ld+json'].includes(s.type) && !s.async && !s.defer)
      .map((s) => s.src || `inline: ${(s.textContent ?? '').trim().slice(0, 40)}`),
  );
}

/**
 * What a first visit costs, by resource type, as transferred (body as sent, headers included),
 * counted for the whole browser context with the service worker allowed: the page's requests and
 * everything the worker fetches, until `settle` ms after load (10 s: what a reader's connection
 * carries while they start reading).
 */
export async function measureLoad(browser: Browser, url: string, { settle = 10_000 } = {}) {
  // No request routing here: Playwright turns the HTTP cache off for a routed context, and the
  // worker keeps the page's files from that cache. Requests elsewhere are listed in `loads`.
  const context = await browser.newContext();
  const page = await context.newPage();
  const close = () => context.close();
  // Sizes are read asynchronously: keep every pending read and wait for all before closing.
  const pending: Array<Promise<{ url: string; type: string; bytes: number; body: number; worker: boolean }>> = [];
  page.context().on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => ({
        url: request.url(),
        type: request.serviceWorker() ? `worker:${request.resourceType()}` : request.resourceType(),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        body: sizes.responseBodySize,
        worker: request.serviceWorker() !== null,
      })),
    );
  });
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(settle);
  await page.waitForLoadState('networkidle');
  const loads = await Promise.all(pending);
  await close();
  const of = (types: string[]) => loads.filter((l) => types.includes(l.type));
  const sum = (list: typeof loads, key: 'bytes' | 'body') => list.reduce((n, l) => n + l[key], 0);
  return {
    loads,
    actual: {
      // HTML and CSS as compressed bytes (the one-round-trip rule); totals below include headers.
      htmlCssTransferBytes: sum(of(['document', 'stylesheet']), 'body'),
      htmlCssRequests: of(['document', 'stylesheet']).length,
      totalTransferBytes: sum(loads, 'bytes'),
      // Requests that reached the network: a file the worker keeps from the HTTP cache costs none.
      totalRequests: loads.filter((l) => l.bytes > 0).length,
      scriptTransferBytes: sum(of(['script']), 'bytes'),
      fontRequests: of(['font']).length,
      workerTransferBytes: sum(loads.filter((l) => l.worker), 'bytes'),
    } satisfies Budget,
  };
}

/** Sidebars shown open on a narrow screen, where they must start folded after the text. */
export function unfoldedSidebars(page: Page): Promise<string[]> {
  return page.$$eval('details.sidebar', (all) =>
    all
      .filter((d) => (d as HTMLDetailsElement).open || (d.querySelector('.card')?.checkVisibility() ?? false))
      .map((d) => d.closest('section')?.id ?? 'sidebar'),
  );
}

/** The security headers every page must carry, checked on a response's headers. */
export function securityHeaderProblems(headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'] ?? '';
  if (!csp.includes("frame-ancestors 'none'")) problems.push("CSP lacks frame-ancestors 'none'");
  const scriptSources = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
  const strange = scriptSources.filter((s) => !["'self'", "'wasm-unsafe-eval'"].includes(s) && !/^'sha(256|384|512)-[\w+/=]+'$/.test(s));
  if (scriptSources.length === 0 || strange.length > 0) problems.push(`CSP script-src allows more than 'self', 'wasm-unsafe-eval' and hashes: ${strange.join(' ') || 'no script-src'}`);
  if (/unsafe-inline/.test(csp)) problems.push('CSP allows unsafe-inline');
  const expected: Record<string, RegExp> = {
    'x-content-type-options': /^nosniff$/,
    'x-frame-options': /^DENY$/,
    'cross-origin-resource-policy': /^same-origin$/,
    'referrer-policy': /^strict-origin-when-cross-origin$/,
    'cross-origin-opener-policy': /^same-origin$/,
    'permissions-policy': /camera=\(\)/,
    'strict-transport-security': /max-age=\d{8,}/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    if (!pattern.test(headers[name] ?? '')) problems.push(`${name}: ${headers[name] ?? 'missing'}`);
  }
  return problems;
}

/** A helpful 404: the status, a search form and a link home, without JavaScript. */
export async function notFoundProblems(browser: Browser, url: string): Promise<string[]> {
  const { page, close } = await openPage(browser, { javaScriptEnabled: false });
  const response = await page.goto(url);
  const problems: string[] = [];
  if (response?.status() !== 404) problems.push(`status ${response?.status()}`);
  if ((await page.locator('main form[action="/search/"] input[name=q]').count()) !== 1) problems.push('no search form');
  if ((await page.locator('main a[href="/"]').count()) !== 1) problems.push('no link home');
  await close();
  return problems;
}

/** A CSP's directives as written: name → sources. Parsed here, apart from the build's own code. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/**
 * How a CSP header differs from the policy it must carry: `expected` is written by hand (every
 * directive and every source but hashes); the hashes must be exactly those the pages' own meta
 * policies list, so the header allows no more, and no less, than the pages.
 */
export function headerCspProblems(header: string, metas: readonly string[], expected: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  const sent = directives(header);
  const hashes = (sources: readonly string[]) => sources.filter((s) => /^'sha(256|384|512)-/.test(s));
  const names = new Set([...sent.keys(), ...Object.keys(expected)]);
  for (const name of names) {
    const got = sent.get(name);
    const want = expected[name];
    if (!got) problems.push(`${name}: missing`);
    else if (!want) problems.push(`${name}: not expected (${got.join(' ')})`);
    else {
      const plain = got.filter((s) => hashes([s]).length === 0);
      if (plain.join(' ') !== want.join(' ')) problems.push(`${name}: ${plain.join(' ')} instead of ${want.join(' ')}`);
      const pageHashes = new Set(metas.flatMap((m) => hashes(directives(m).get(name) ?? [])));
      const extra = hashes(got).filter((h) => !pageHashes.has(h));
      const missing = [...pageHashes].filter((h) => !got.includes(h));
      if (extra.length) problems.push(`${name}: hashes no page lists: ${extra.join(' ')}`);
      if (missing.length) problems.push(`${name}: hashes a page needs are missing: ${missing.join(' ')}`);
    }
  }
  return problems;
}

/** The gzip bytes of an article page up to the end of its first section's text: what the first round trip must carry. */
export function firstSectionGzipBytes(html: string): number {
  const start = html.indexOf('class="article-section"');
  const end = html.indexOf('class="sidebar"', start);
  if (start < 0 || end < 0) throw new Error('no first section with its sidebar in this page');
  return gzipSync(html.slice(0, end), { level: 6 }).length;
}

/** Bytes of a file as gzip would send it. */
export function gzipBytes(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * What a first search costs, counted for the whole context with the service worker on: the
 * requests made while the page loads that belong to search (there must be none); every byte from
 * opening search to its results, the page's requests and the worker's fetches made for them
 * (`search`); and, apart, what the worker fetches on its own to keep search for offline, which
 * the page never asked for (`keep`), until the network is idle.
 */
export async function searchCost(browser: Browser, origin: string, path: string, query: string, kept?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ baseURL: origin });
  const pending: Array<Promise<{ url: string; bytes: number; worker: boolean }>> = [];
  const asked = new Set<string>();
  context.on('request', (request) => {
    if (!request.serviceWorker()) asked.add(request.url());
  });
  context.on('requestfinished', (request) =>
    pending.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize, worker: request.serviceWorker() !== null }))),
  );
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  const atLoad = (await Promise.all(pending)).map((r) => r.url).filter((url) => /\/pagefind\/|search|\/offline\//.test(new URL(url).pathname) && new URL(url).pathname !== new URL(path, origin).pathname);
  pending.length = 0;
  asked.clear();
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] === 'results');
  if (kept) await kept(page);
  await page.waitForLoadState('networkidle');
  const loads = await Promise.all(pending);
  await context.close();
  // A worker fetch of a file the page asked for is the page's search; any other is the worker keeping search.
  const forPage = (l: { url: string; worker: boolean }) => !l.worker || asked.has(l.url);
  const sum = (list: typeof loads) => list.reduce((n, l) => n + l.bytes, 0);
  return { atLoad, bytes: sum(loads.filter(forPage)), keep: sum(loads.filter((l) => !forPage(l))), loads };
}
