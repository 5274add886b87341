import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetReport, type Budget } from '../budget-report.ts';

const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')).pages as Record<string, Budget>;
const article = budgets['/south-korea-prepares-future-without-us/']!;

describe('byte budgets', () => {
  it('keep the article page to one round trip of HTML and CSS and 4 KB of script', () => {
    expect(article.htmlCssTransferBytes).toBeLessThanOrEqual(14 * 1024);
    expect(article.totalTransferBytes).toBeLessThanOrEqual(18 * 1024);
    expect(article.totalRequests).toBeLessThanOrEqual(4);
    expect(article.scriptTransferBytes).toBeLessThanOrEqual(4 * 1024);
  });

  it('fail with a table that names what grew and by how much', () => {
    const { over, table } = budgetReport({ ...article, htmlCssTransferBytes: article.htmlCssTransferBytes + 512, fontRequests: 1 }, article);
    expect(over).toEqual(['htmlCssTransferBytes', 'fontRequests']);
    expect(table).toMatch(/✗ htmlCssTransferBytes\s+\d+ \/ 14336 \s*\+512/);
    expect(table).toMatch(/✗ fontRequests\s+1 \/ 0\s+\+1/);
    expect(table).toMatch(/^  totalRequests/m);
  });
});
