import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetReport, type Budget } from '../../budget-report.ts';

const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')).pages as Record<string, Budget>;
const article = budgets['/south-korea-prepares-future-without-us/']!;

describe('byte budgets', () => {
  it('keep the article page to 16 KB of HTML and CSS (its first section in the first 14 KB, tested apart) and 8 KB of script, and a first visit to 24 KB in all, the worker’s 3 KB included', () => {
    // 4 KB for the script every page has, and 4 KB at most for the article's reading aids.
    expect(article.htmlCssTransferBytes).toBeLessThanOrEqual(16 * 1024);
    expect(article.totalTransferBytes).toBeLessThanOrEqual(24 * 1024);
    // The page's four, the worker's script, and the page's revalidation when the worker keeps it.
    expect(article.totalRequests).toBeLessThanOrEqual(6);
    expect(article.scriptTransferBytes).toBeLessThanOrEqual(8 * 1024);
    expect(article.workerTransferBytes).toBeLessThanOrEqual(3 * 1024);
  });

  it('fail with a table that names what grew and by how much', () => {
    const { over, table } = budgetReport({ ...article, htmlCssTransferBytes: article.htmlCssTransferBytes + 512, fontRequests: 1 }, article);
    expect(over).toEqual(['htmlCssTransferBytes', 'fontRequests']);
    expect(table).toMatch(/✗ htmlCssTransferBytes\s+\d+ \/ 16384 \s*\+512/);
    expect(table).toMatch(/✗ fontRequests\s+1 \/ 0\s+\+1/);
    expect(table).toMatch(/^  totalRequests/m);
  });
});
