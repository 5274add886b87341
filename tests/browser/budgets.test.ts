import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';
import { blockingScripts, measureLoad } from './gates.ts';
import { budgetReport, type Budget } from '../budget-report.ts';

const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')).pages as Record<string, Budget>;
const browser = useBrowser();

describe('byte budgets (tests/budgets.json)', () => {
  for (const [path, budget] of Object.entries(budgets)) {
    it(`${path} stays within its budget on a cold load`, async () => {
      const { actual, loads } = await measureLoad(browser(), `${baseURL()}${path}`);
      const { over, table } = budgetReport(actual, budget);
      const detail = loads.map((l) => `  ${l.type.padEnd(10)} ${String(l.body).padStart(7)} body ${String(l.bytes).padStart(7)} sent  ${l.url}`).join('\n');
      console.log(`${path}\n${table}`);
      expect(over, `over budget:\n${table}\nrequests:\n${detail}`).toEqual([]);
      expect(actual.htmlCssRequests).toBeGreaterThan(0);
    });
  }

  it('needs no JavaScript to read: no script anywhere in the page holds up rendering', async () => {
    // The reader suite proves the text is whole with JavaScript off; here, that no script blocks it.
    for (const path of [ARTICLE, '/', '/search/']) {
      const { page, close } = await openPage(browser());
      await page.goto(path);
      expect(await blockingScripts(page), path).toEqual([]);
      expect(await page.locator('script').count(), path).toBeGreaterThan(0);
      await close();
    }
  });
});
