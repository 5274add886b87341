import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './harness.ts';

import { budgetReport, type Budget } from '../budget-report.ts';
const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')).pages as Record<string, Budget>;
const browser = useBrowser();

/** What a cold load costs, by resource type, as transferred (gzip, headers included). */
async function measure(path: string) {
  const { page, close } = await openPage(browser());
  const loads: Array<{ url: string; type: string; bytes: number; body: number }> = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    loads.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, body: sizes.responseBodySize });
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await close();
  const sum = (types: string[]) => loads.filter((l) => types.includes(l.type)).reduce((n, l) => n + l.bytes, 0);
  const body = (types: string[]) => loads.filter((l) => types.includes(l.type)).reduce((n, l) => n + l.body, 0);
  const count = (types: string[]) => loads.filter((l) => types.includes(l.type)).length;
  return {
    loads,
    actual: {
      // HTML and CSS as gzip bytes (the one-round-trip rule); totals below include headers.
      htmlCssTransferBytes: body(['document', 'stylesheet']),
      htmlCssRequests: count(['document', 'stylesheet']),
      totalTransferBytes: loads.reduce((n, l) => n + l.bytes, 0),
      totalRequests: loads.length,
      scriptTransferBytes: sum(['script']),
      fontRequests: count(['font']),
    } satisfies Budget,
  };
}

describe('byte budgets (tests/budgets.json)', () => {
  for (const [path, budget] of Object.entries(budgets)) {
    it(`${path} stays within its budget on a cold load`, async () => {
      const { actual, loads } = await measure(path);
      const { over, table } = budgetReport(actual, budget);
      const detail = loads.map((l) => `  ${l.type.padEnd(10)} ${String(l.body).padStart(7)} body ${String(l.bytes).padStart(7)} sent  ${l.url}`).join('\n');
      console.log(`${path}\n${table}`);
      expect(over, `over budget:\n${table}\nrequests:\n${detail}`).toEqual([]);
      expect(actual.htmlCssRequests).toBeGreaterThan(0);
    });
  }

  it('needs no JavaScript to read: nothing the page loads is a script before interaction', async () => {
    // The reading test proves the text is whole without JS; here we prove no script is render-blocking.
    const { page, close } = await openPage(browser());
    await page.goto('/south-korea-prepares-future-without-us/');
    const blocking = await page.$$eval('head script:not([type=module]):not([type="application/ld+json"]):not([async]):not([defer])', (s) => s.length);
    expect(blocking).toBe(0);
    await close();
  });
});
