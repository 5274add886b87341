/**
 * What the search index files each result under: its kind (the `type` filter, as readers see it)
 * and the articles it belongs to. Shared by the pages and records that write the index and the
 * scripts that read it.
 */
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';

/** The kinds a search result can be, as shown to readers and used as the `type` filter. */
export const RESULT_TYPES = {
  article: 'Article text',
  ...(Object.fromEntries(KINDS.map((kind) => [kind, ANNOTATION_KINDS[kind].label])) as Record<AnnotationKind, string>),
};

/** The filter names the index carries: a result's kind, and the articles it belongs to. */
export const SEARCH_FILTERS = { type: 'type', article: 'article' } as const;

/** Values of one filter a search page offers as checkboxes at most, besides those chosen. */
export const FILTER_VALUES_SHOWN = 12;

/**
 * A filter's values worth a checkbox: the chosen ones, and the `FILTER_VALUES_SHOWN` with the most
 * results, in the index's order. A word found in thousands of articles would otherwise give
 * thousands of checkboxes.
 */
export function shownValues(values: Array<[string, number]>, chosen: readonly string[]): Array<[string, number]> {
  const top = new Set(
    values
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, FILTER_VALUES_SHOWN)
      .map(([value]) => value),
  );
  return values.filter(([value]) => top.has(value) || chosen.includes(value));
}
