/**
 * The quality gates, as functions: the gate tests run them on every page type of the real site,
 * and the proof tests run them on a deliberately broken fixture site to show each one can fail.
 */
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import type { BrowserContext, Page } from 'playwright-core';

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

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
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
