import { describe, expect, it } from 'vitest';
import { FILTER_VALUES_SHOWN, shownValues } from '../../../src/lib/search/filters.ts';

describe('the filter values a search page offers', () => {
  it('offers every value with results when there are few, in the index’s order', () => {
    expect(shownValues([['Event', 3], ['Article text', 1], ['Issue', 0]], [])).toEqual([['Event', 3], ['Article text', 1]]);
  });

  it('offers only the values with most results when a word is in thousands of articles, and every chosen one', () => {
    const articles = Array.from({ length: 5000 }, (_, i): [string, number] => [`Article ${i}`, i % 7 === 0 ? 9 : 1]);
    const shown = shownValues(articles, ['Article 3']);
    expect(shown).toHaveLength(FILTER_VALUES_SHOWN + 1);
    expect(shown.filter(([, n]) => n === 9)).toHaveLength(FILTER_VALUES_SHOWN);
    expect(shown.map(([v]) => v)).toContain('Article 3');
    // The index's order is kept: Article 0, 3, 7, 14, …
    expect(shown.map(([v]) => v).slice(0, 3)).toEqual(['Article 0', 'Article 3', 'Article 7']);
  });
});
