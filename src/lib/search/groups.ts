/**
 * Pagefind's results as a reader scans them: one group per article, its matching sections
 * ordered by how densely they match, each section listed once; then one group per kind of
 * annotation, in the kinds table's order. Pure: unit-tested on Pagefind's result shapes
 * (`tests/unit/search/groups.test.ts`).
 */
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';
import { annotationOfId } from '../markdown/marks.ts';
import { sectionLabel } from '../view/sections.ts';
import { withHighlight, type Anchor } from './query.ts';
import { RESULT_TYPES } from './filters.ts';

export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations?: WeightedLocation[] | undefined;
}

/** The parts of Pagefind's `result.data()` that grouping reads. */
export interface PagefindData {
  url: string;
  excerpt: string;
  word_count: number;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
  anchors: Anchor[];
}

export interface Hit {
  href: string;
  title: string;
  excerpt: string;
}

export type GroupKind = 'article' | AnnotationKind;

export interface ResultGroup {
  kind: GroupKind;
  /** The article's title, or the kind's name ("Events"). */
  title: string;
  hits: Hit[];
}

const KIND_OF: Record<string, GroupKind> = Object.fromEntries(Object.entries(RESULT_TYPES).map(([kind, type]) => [type, kind as GroupKind]));

/**
 * Where a result links to: the URL its record names (`data-pagefind-meta="url:…"`, the records
 * made from the content) or else the page Pagefind read.
 */
export function urlOf(data: Pick<PagefindData, 'url' | 'meta'>): string {
  return data.meta['url'] ?? data.url;
}

export function kindOf(data: Pick<PagefindData, 'filters'>): GroupKind {
  return KIND_OF[data.filters['type']?.[0] ?? ''] ?? 'article';
}

interface SectionSpan {
  id: string;
  start: number;
  end: number;
}

/** Each `<section id>` of the page as a word range: from its start to the next one's. */
export function sectionSpans(anchors: readonly Anchor[], wordCount: number): SectionSpan[] {
  const starts = anchors.filter((a) => a.element === 'section').sort((a, b) => a.location - b.location);
  return starts.map((a, i) => ({ id: a.id, start: a.location, end: starts[i + 1]?.location ?? Math.max(wordCount, a.location + 1) }));
}

/** How much a sub-result's matches weigh: Pagefind's balanced scores (headings count more). */
function scoreOf(sub: PagefindSubResult): number {
  return sub.weighted_locations?.reduce((sum, w) => sum + w.balanced_score, 0) ?? sub.locations.length;
}

/**
 * An article's matching sections, densest first: score per word of the section, so a short
 * section that is about the terms comes before a long one that mentions them once. Sub-results
 * that fall in the same section (sub-headings split them) are merged: one link per place.
 */
export function articleHits(data: PagefindData, query: string): Hit[] {
  const base = data.url.split('#')[0] ?? data.url;
  const pageTitle = data.meta['title'] ?? base;
  const spans = sectionSpans(data.anchors, data.word_count);
  const bySection = new Map<string, { hit: Hit; score: number; best: number; length: number; first: number }>();
  for (const sub of data.sub_results) {
    if (sub.locations.length === 0) continue;
    const first = Math.min(...sub.locations);
    const span = [...spans].reverse().find((s) => s.start <= first);
    const key = span?.id ?? sub.url;
    const score = scoreOf(sub);
    const untitled = sub.title === pageTitle;
    const title = untitled ? sectionLabel({ order: 1 }) : sub.title;
    const href = withHighlight(span ? `${base}#${span.id}` : sub.url, query);
    const seen = bySection.get(key);
    if (!seen) {
      bySection.set(key, { hit: { href, title, excerpt: sub.excerpt }, score, best: score, length: span ? span.end - span.start : data.word_count, first });
      continue;
    }
    seen.score += score;
    // The section's own heading names it; its best-matching part gives the excerpt.
    if (!untitled && first < seen.first) Object.assign(seen, { first, hit: { ...seen.hit, title } });
    if (score > seen.best) Object.assign(seen, { best: score, hit: { ...seen.hit, excerpt: sub.excerpt } });
  }
  return [...bySection.values()]
    .sort((a, b) => b.score / Math.max(b.length, 1) - a.score / Math.max(a.length, 1) || b.score - a.score || a.first - b.first)
    .map((s) => s.hit);
}

/**
 * The cards of a record of cards that match: one per heading (a card), linking to the card on the
 * record's page, keyed by its annotation so one mentioned in several articles is listed once.
 */
export function cardHits(data: PagefindData, query: string): Array<{ id: string; hit: Hit }> {
  const page = urlOf(data).split('#')[0] ?? urlOf(data);
  return data.sub_results
    .filter((sub) => sub.locations.length > 0 && sub.url.includes('#'))
    .map((sub) => {
      const anchor = sub.url.slice(sub.url.lastIndexOf('#') + 1);
      return { id: annotationOfId(anchor)?.id ?? anchor, hit: { href: withHighlight(`${page}#${anchor}`, query), title: sub.title, excerpt: sub.excerpt } };
    });
}

/**
 * Results in the order a reader scans them: articles (in Pagefind's ranking) with their
 * sections, then one group per kind of annotation, each entry once.
 */
export function groupResults(items: readonly PagefindData[], query: string): ResultGroup[] {
  const articles: ResultGroup[] = [];
  const byKind = new Map<AnnotationKind, Hit[]>(KINDS.map((kind) => [kind, []]));
  const seen = new Set<string>();
  for (const data of items) {
    const kind = kindOf(data);
    if (kind === 'article') {
      const hits = articleHits(data, query).filter((h) => !seen.has(h.href));
      hits.forEach((h) => seen.add(h.href));
      if (hits.length > 0) articles.push({ kind, title: data.meta['title'] ?? data.url, hits });
      continue;
    }
    const hits = byKind.get(kind)!;
    if (ANNOTATION_KINDS[kind].pages === 'listing') {
      for (const { id, hit } of cardHits(data, query)) {
        if (seen.has(`${kind}:${id}`)) continue;
        seen.add(`${kind}:${id}`);
        hits.push(hit);
      }
      continue;
    }
    const url = urlOf(data);
    if (seen.has(url)) continue;
    seen.add(url);
    hits.push({ href: url, title: data.meta['title'] ?? url, excerpt: data.excerpt });
  }
  return [...articles, ...KINDS.filter((kind) => byKind.get(kind)!.length > 0).map((kind) => ({ kind, title: ANNOTATION_KINDS[kind].plural, hits: byKind.get(kind)! }))];
}
