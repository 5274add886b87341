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
