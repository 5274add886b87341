/**
 * Each page's data, computed once before it renders and handed down as props (the pattern of
 * Starlight's `utils/routing/data.ts`): pages call these with their params, layouts and
 * components render what they get. Everything here reads the library; nothing renders.
 */
import { eventYear, type AnnotationItem } from '../content/cross-reference.ts';
import type { PreciseDate } from '../content/dates.ts';
import { ANNOTATION_KINDS, KINDS, kindsInWords, type AnnotationKind } from '../content/kinds.ts';
import { cardId, entryId } from '../markdown/marks.ts';
import { notesInOrder, type Quote } from '../markdown/mentions.ts';
import { splitAtFigures } from '../markdown/pipeline.ts';
import { apa, biblatex, bibtex, chicago, citationMeta } from '../publish/citation.ts';
import { articleJsonLd, firstSentence, type PageMeta } from '../publish/seo.ts';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME } from '../site.ts';
import { timelineLayout, targetSteps, type TargetStep, type TimelineLayout } from '../view/figures.ts';
import { sectionLabel } from '../view/sections.ts';
import { TIMELINE_PAGE_SIZE, yearStrip, type YearStrip } from '../view/timeline.ts';
import { FRONT_PAGE_SIZE, PAGER_REACH, pageWindow, paged, relatedArticles, sinceArticle, YEAR_PAGE_SIZE } from './archive.ts';
import { annotationHref, cardProps, type CardProps, type Link } from './cards.ts';
import type { Article, Library, Section } from './library.ts';
import { INDEX_PAGE_SIZE, routes } from './routes.ts';

/** What `Base` takes: a title, a description, and the rest of a page's metadata. */
export interface PageHead {
  title: string;
  description: string;
  meta?: Partial<PageMeta> | undefined;
}

export type FigureProps =
  | { kind: 'timeline'; name: string; caption: string; layout: TimelineLayout }
  | { kind: 'targets'; name: string; caption: string; steps: TargetStep[] }
  /** Named by a section but not declared by its article: an honest editor's note stands there. */
  | { kind: 'missing'; name: string };

export type SectionPart = { html: string } | { figure: FigureProps };

export interface SectionProps {
  id: string;
  title?: string | undefined;
  label: string;
  /** The section's share page, for the copy and share buttons. */
  share: string;
  aliases: readonly string[];
  /**
   * Where its permalink stands: with its heading, or, for an untitled opening section (the source
   * has no heading there and none is invented), in the article's header beside the byline.
   */
  permalinkIn: 'head' | 'header';
  parts: SectionPart[];
  /** Its cards, in the order the text first mentions them; what the folded sidebar says it holds. */
  notes: { summary: string; label: string; cards: CardProps[] } | undefined;
}

export interface ArticleRoute {
  head: PageHead;
  header: {
    title: string;
    author: string;
    /** The author's page. */
    authorHref: string;
    publisher: string;
    published: PreciseDate;
    original: string;
    /** The article as an EPUB book. */
    epub: string;
    /** The untitled opening section's permalink, shown beside the byline. */
    permalink?: { id: string; label: string; share: string } | undefined;
  };
  contents: Link[];
  body: { title: string; sections: SectionProps[] };
  author: { name: string; note: string };
  afterword: AfterwordProps;
  /** Each style's text; `code` for the ones a reader pastes into a file (BibTeX, BibLaTeX), shown as written. */
  cite: { styles: Array<{ id: string; name: string; text: string; code?: boolean }>; edition: string };
}

function figureProps(library: Library, name: string): FigureProps {
  const found = library.figure(name);
  if (!found) return { kind: 'missing', name };
  const { spec, events } = found;
  return spec.kind === 'timeline'
    ? { kind: 'timeline', name, caption: spec.caption, layout: timelineLayout(events, spec.from, spec.to) }
    : { kind: 'targets', name, caption: spec.caption, steps: targetSteps(events) };
}

function sectionProps(library: Library, article: Article, section: Section, index: number): SectionProps {
  const { id, title, aliases } = section.data;
  const label = sectionLabel(section.data);
  const cards = notesInOrder(section.outline).flatMap(({ kind, id: entry, note }) => {
    const item = library.xref.get(kind, entry);
    return item ? [cardProps(library, item, { id: cardId(id, kind, entry), letter: note, here: { article: article.slug, section: id } })] : [];
  });
  const kinds = [...new Set(cards.map((c) => c.kind))];
  const sidebar = kindsInWords(kinds.sort((a, b) => Object.keys(ANNOTATION_KINDS).indexOf(a) - Object.keys(ANNOTATION_KINDS).indexOf(b)));
  return {
    id,
    title,
    label,
    permalinkIn: !title && index === 0 ? 'header' : 'head',
    share: routes.share(article.slug, id),
    aliases,
    parts: splitAtFigures(section.html()).map((part) => ('figure' in part ? { figure: figureProps(library, part.figure) } : part)),
    notes: cards.length === 0 ? undefined : { summary: `${sidebar[0]!.toUpperCase()}${sidebar.slice(1)} in this section`, label: `${sidebar[0]!.toUpperCase()}${sidebar.slice(1)} in ‘${label}’`, cards },
  };
}

export function articleRoute(library: Library, slug: string, site: URL | undefined): ArticleRoute {
  const article = library.article(slug);
  if (!article) throw new Error(`no article "${slug}"`);
  const { title, description, publisher, published, original } = article.data;
  const author = article.author.data;
  const path = routes.article(slug);
  const card = routes.card(slug);
  const edition = new URL(path, site).href;
  const cite = { author: author.name, family: author.family, title, publisher, published, original };
  const sections = article.sections.map((s, i) => sectionProps(library, article, s, i));
  const opening = sections[0]!;
  const afterword = afterwordProps(library, article);
  return {
    head: {
      title,
      description,
      meta: {
        canonical: path,
        image: card,
        imageAlt: `${title}, by ${author.name}`,
        type: 'article',
        jsonLd: articleJsonLd({ url: edition, headline: title, description, author: author.name, publisher, published, image: new URL(card, site).href, original }),
        citation: citationMeta(cite, SITE_LANGUAGE),
      },
    },
    header: { title, author: author.name, authorHref: routes.author(article.author.id), publisher, published, original, epub: routes.epub(slug), permalink: opening.permalinkIn === 'header' ? { id: opening.id, label: opening.label, share: opening.share } : undefined },
    contents: [
      ...article.sections.map((s) => ({ href: `#${s.data.id}`, text: sectionLabel(s.data) })),
      { href: '#author', text: 'About the author' },
      ...(afterword.since.events.length > 0 ? [{ href: '#since', text: 'Since this was published' }] : []),
      ...(afterword.related.length > 0 ? [{ href: '#related', text: 'Related reading' }] : []),
      { href: '#cite', text: 'Cite this' },
    ],
    body: { title, sections },
    author: { name: author.name, note: article.author.note },
    afterword,
    cite: {
      styles: [
        { id: 'cite-apa', name: 'APA', text: apa(cite) },
        { id: 'cite-chicago', name: 'Chicago', text: chicago(cite) },
        { id: 'cite-bibtex', name: 'BibTeX', text: bibtex(cite), code: true },
        { id: 'cite-biblatex', name: 'BibLaTeX', text: biblatex(cite), code: true },
      ],
      edition,
    },
  };
}

export interface ShareRoute {
  meta: PageMeta;
  target: string;
  sectionLabel: string;
  articleTitle: string;
}

/** A section's share page, at `sectionId` (its id or a former one): previews as the section, and sends the reader into the article at it. */
export function shareRoute(library: Library, slug: string, sectionId: string): ShareRoute {
  const article = library.article(slug)!;
  const section = article.sections.find((s) => s.data.id === sectionId || s.data.aliases.includes(sectionId))!;
  const { title } = article.data;
  const label = sectionLabel(section.data);
  return {
    target: routes.section(slug, section.data.id),
    sectionLabel: label,
    articleTitle: title,
    meta: {
      title: `${label} — ${title}`,
      description: `“${firstSentence(section.outline.lead)}”`,
      canonical: routes.article(slug),
      path: routes.share(slug, sectionId),
      image: routes.card(slug),
      imageAlt: `${title}, by ${article.author.data.name}`,
      type: 'article',
    },
  };
}

/** One mention of an entry, quoted, for its page. */
export interface QuotedMention {
  href: string;
  where: string;
  quote: Quote;
}

export interface AnnotationRoute {
  head: PageHead;
  kind: AnnotationKind;
  /** The page of every entry of its kind ("All issues"). */
  index: Link;
  title: string;
  /** What it is, in a line: an issue's summary, a person's role as of when the sources give it. */
  summary: { text: string; asOf?: PreciseDate | undefined };
  basis: string;
  /** Entries of the other kinds it links to, by kind. */
  linked: Array<{ id: string; title: string; empty: string; entries: Array<{ href: string; title: string; date?: PreciseDate | null | undefined; summary?: string | undefined }> }>;
  mentions: { id: string; quotes: QuotedMention[] };
  /** A topic's dated events on the time axis, a strip a year (`#issue-timeline`, the timeline's filter by topic). */
  timeline: YearStrip[];
}

const BASIS = { article: 'the article', context: 'the article and established context' } as const;

/** An entry's own page (`/issues/<id>/`): what it is, what it links to, and every mention quoted. */
export function annotationRoute(library: Library, kind: AnnotationKind, id: string): AnnotationRoute {
  const item = library.xref.get(kind, id)!;
  const spec = ANNOTATION_KINDS[kind];
  const linked = KINDS.filter((other) => other !== kind).map((other) => ({
    id: `${kind}-${ANNOTATION_KINDS[other].collection}`,
    title: ANNOTATION_KINDS[other].plural,
    empty: `No ${ANNOTATION_KINDS[other].plural.toLowerCase()} are linked to this ${spec.label.toLowerCase()}.`,
    // Each with what tells it apart at a glance: an event's date, or what the others are.
    entries: library.xref.linked(item, other).map((entry: AnnotationItem) =>
      entry.kind === 'event'
        ? { href: annotationHref(library, other, entry.id), title: entry.title, date: (entry as AnnotationItem<'event'>).data.date }
        : { href: annotationHref(library, other, entry.id), title: entry.title, summary: ANNOTATION_KINDS[other].describe(entry.data as unknown as Record<string, unknown>) },
    ),
  }));
  // Newest article first: a topic page reads as what is being said about it now, then before.
  const byDate = (slug: string) => library.article(slug)!.data.published.iso;
  const places = [...library.xref.places(kind, id)].sort((a, b) => byDate(b.article).localeCompare(byDate(a.article)));
  const quotes = places.map((place) => {
    const article = library.article(place.article)!;
    const section = library.section(place.article, place.section)!;
    return {
      href: routes.mark(place.article, place.markId),
      where: `${article.data.title} — ${sectionLabel(section.data)}${place.placement?.paragraph ? `, ¶${place.placement.paragraph}` : ''}`,
      quote: place.placement?.quote ?? { before: '', phrase: place.phrase, after: '' },
    };
  });
  const description = spec.describe(item.data as unknown as Record<string, unknown>);
  return {
    head: { title: item.title, description },
    kind,
    index: { href: routes.kind(kind), text: `All ${spec.plural.toLowerCase()}` },
    title: item.title,
    summary: { text: description, asOf: kind === 'person' ? (item as AnnotationItem<'person'>).data.roleAsOf : undefined },
    basis: BASIS[item.data.basis],
    linked,
    mentions: { id: `${kind}-mentions`, quotes },
    timeline: kind === 'issue' ? strips(timelineEvents(library, item)) : [],
  };
}

export interface IndexRoute {
  head: PageHead;
  title: string;
  /** Each entry with how many articles mention it. */
  entries: Array<{ href: string; title: string; summary: string; articles: number }>;
  pager?: Pager | undefined;
}

/** A kind's index (`/issues/`, `/issues/2/`): its entries, a hundred to a page, linked to their pages, with what each is. */
export function indexRoute(library: Library, kind: AnnotationKind, page = 1): IndexRoute {
  const spec = ANNOTATION_KINDS[kind];
  const pages = paged(library.xref.all(kind), INDEX_PAGE_SIZE);
  const title = page === 1 ? spec.plural : `${spec.plural}, page ${page} of ${pages.length}`;
  return {
    head: { title, description: `The ${spec.plural.toLowerCase()} the articles discuss, each with its links and every mention.` },
    title,
    entries: pages[page - 1]!.map((item) => ({
      href: routes.annotation(kind, item.id),
      title: item.title,
      summary: spec.describe(item.data as unknown as Record<string, unknown>),
      articles: new Set(item.mentions.map((m) => m.article)).size,
    })),
    pager: pager(page, pages.length, (n) => routes.kind(kind, n)),
  };
}

export interface ListingRoute {
  head: PageHead;
  title: string;
  intro?: string | undefined;
  /** Links to the page where each group (each year) starts, when there is more than one page. */
  groups: Array<Link & { current: boolean }>;
  sections: Array<{ id: string; heading: string; cards: CardProps[] }>;
  pager: { prev?: string | undefined; next?: string | undefined; current: number; last: number } | undefined;
}

/** The group a listed entry is filed under: an event's year ("Undated" where only the article's words place it). */
export function listingGroup(item: AnnotationItem): string {
  return item.kind === 'event' ? eventYear(item as AnnotationItem<'event'>) : item.title.slice(0, 1).toUpperCase();
}

/** One page of a kind listed together (`/events/`, `/events/2/`): its entries as cards, by group. */
export function listingRoute(library: Library, kind: AnnotationKind, page: { data: AnnotationItem[]; currentPage: number; lastPage: number; url: { prev?: string | undefined; next?: string | undefined } }): ListingRoute {
  const spec = ANNOTATION_KINDS[kind];
  const all = library.xref.all(kind);
  // Where each group starts, for the index on every page.
  const starts: Array<{ group: string; page: number }> = [];
  for (const item of all) {
    const group = listingGroup(item);
    if (starts.at(-1)?.group !== group) starts.push({ group, page: library.listingPage(kind, item.id) });
  }
  const sections: ListingRoute['sections'] = [];
  page.data.forEach((item, i) => {
    const group = listingGroup(item);
    const card = cardProps(library, item, { id: entryId(kind, item.id), showBasis: true });
    const last = sections.at(-1);
    if (last?.id === `year-${group}`) last.cards.push(card);
    else {
      const continued = i === 0 && starts.find((s) => s.group === group)!.page < page.currentPage;
      sections.push({ id: `year-${group}`, heading: continued ? `${group}, continued` : group, cards: [card] });
    }
  });
  const title = page.currentPage === 1 ? spec.plural : `${spec.plural}, page ${page.currentPage} of ${page.lastPage}`;
  return {
    head: { title, description: `Every ${spec.label.toLowerCase()} the articles mention, in order, with where each is mentioned.` },
    title,
    intro: page.currentPage === 1 ? `Every ${spec.label.toLowerCase()} the articles mention, with its date as precisely as the sources give it, and links to where it is mentioned.` : undefined,
    groups: page.lastPage > 1 ? starts.map((s) => ({ href: routes.kind(kind, s.page), text: s.group, current: s.page === page.currentPage })) : [],
    sections,
    pager: page.lastPage > 1 ? { prev: page.url.prev, next: page.url.next, current: page.currentPage, last: page.lastPage } : undefined,
  };
}

/** An article as lists show it: title, author, date at its precision, description and topics. */
export interface ArticleEntry {
  href: string;
  title: string;
  author: Link;
  published: PreciseDate;
  description: string;
  topics: Link[];
}

export function articleEntry(library: Library, article: Article): ArticleEntry {
  return {
    href: routes.article(article.slug),
    title: article.data.title,
    author: { href: routes.author(article.author.id), text: article.author.data.name },
    published: article.data.published,
    description: article.data.description,
    topics: library.xref.inArticle(article.slug, 'issue').map((issue) => ({ href: routes.annotation('issue', issue.id), text: issue.title })),
  };
}

/** Where a paged list is, and the way to its neighbours and to every page of it. */
export interface Pager {
  current: number;
  last: number;
  prev?: string | undefined;
  next?: string | undefined;
  /** The pages it names by number, `'gap'` where numbers are left out (`pageWindow`). */
  pages: Array<(Link & { current: boolean }) | 'gap'>;
}

/** `reach`: pages named either side of the current one; `Infinity` names every page. */
function pager(current: number, last: number, href: (page: number) => string, reach = PAGER_REACH): Pager | undefined {
  if (last <= 1) return undefined;
  return {
    current,
    last,
    prev: current > 1 ? href(current - 1) : undefined,
    next: current < last ? href(current + 1) : undefined,
    pages: pageWindow(current, last, reach).map((n) => (n === 'gap' ? n : { href: href(n), text: String(n), current: n === current })),
  };
}

export interface ArticleListRoute {
  head: PageHead;
  title: string;
  intro?: string | undefined;
  entries: ArticleEntry[];
  /** The years, each linked to its archive, with its count: on the front page's every page. */
  years?: Array<Link & { count: number }> | undefined;
  pager?: Pager | undefined;
  /** An author's page: their note. */
  note?: string | undefined;
}

/** The year archive's years with their counts, newest first. */
function yearLinks(library: Library): Array<Link & { count: number }> {
  return library.years.map(({ year, articles }) => ({ href: routes.year(year), text: String(year), count: articles.length }));
}

/** The front page, or its page `page` (from 1): the newest articles first, and the way to every year. */
export function frontRoute(library: Library, page: number): ArticleListRoute {
  const pages = paged(library.articles, FRONT_PAGE_SIZE);
  const title = page === 1 ? 'Articles' : `Articles, page ${page} of ${pages.length}`;
  return {
    head: { title: page === 1 ? SITE_NAME : title, description: SITE_DESCRIPTION },
    title,
    entries: pages[page - 1]!.map((article) => articleEntry(library, article)),
    years: yearLinks(library),
    pager: pager(page, pages.length, routes.front),
  };
}

/** The year archive (`/archive/`): every year with its count. */
export function archiveRoute(library: Library): { head: PageHead; title: string; years: Array<Link & { count: number }> } {
  return { head: { title: 'Archive', description: 'Every article, by the year it was published.' }, title: 'Archive', years: yearLinks(library) };
}

/** A year's articles (`/archive/2018/`), newest first, `YEAR_PAGE_SIZE` to a page, every page named. */
export function yearRoute(library: Library, year: number, page: number): ArticleListRoute {
  const articles = library.years.find((y) => y.year === year)?.articles ?? [];
  const pages = paged(articles, YEAR_PAGE_SIZE);
  const title = page === 1 ? `Published in ${year}` : `Published in ${year}, page ${page} of ${pages.length}`;
  return {
    head: { title, description: `The ${articles.length} article${articles.length === 1 ? '' : 's'} published in ${year}, newest first.` },
    title,
    intro: `${articles.length} article${articles.length === 1 ? '' : 's'}, newest first.`,
    entries: pages[page - 1]!.map((article) => articleEntry(library, article)),
    years: yearLinks(library),
    // Every page named: front page → year → any page of it → article stays three links.
    pager: pager(page, pages.length, (n) => routes.year(year, n), Infinity),
  };
}

/** The authors (`/authors/`), each with how many articles they wrote. */
export function authorsRoute(library: Library): { head: PageHead; title: string; authors: Array<Link & { count: number }> } {
  return {
    head: { title: 'Authors', description: 'Everyone who wrote for the publication, with their articles.' },
    title: 'Authors',
    authors: library.authors.map((a) => ({ href: routes.author(a.id), text: a.data.name, count: library.articlesBy(a.id).length })),
  };
}

/** An author's page (`/authors/<id>/`): their name, their note, their articles newest first. */
export function authorRoute(library: Library, id: string, page: number): ArticleListRoute {
  const author = library.authors.find((a) => a.id === id)!;
  const pages = paged(library.articlesBy(id), FRONT_PAGE_SIZE);
  const title = page === 1 ? author.data.name : `${author.data.name}, page ${page} of ${pages.length}`;
  return {
    head: { title, description: `Articles by ${author.data.name}, newest first.` },
    title,
    note: page === 1 ? author.note : undefined,
    entries: pages[page - 1]!.map((article) => articleEntry(library, article)),
    pager: pager(page, pages.length, (n) => routes.author(id, n)),
  };
}

/** The ends of an article: reading related to it, and what happened after it was written. */
export interface AfterwordProps {
  related: Array<ArticleEntry & { reason: string }>;
  since: {
    events: Array<{ href: string; title: string; date: PreciseDate; topic: Link; articles: Link[] }>;
    /** How many more later events its topics have, and the topics they are on. */
    more?: { count: number; topics: Link[] } | undefined;
  };
}

export function afterwordProps(library: Library, article: Article): AfterwordProps {
  const find = (slug: string) => library.article(slug);
  const since = sinceArticle(article, find, library.xref);
  return {
    related: relatedArticles(article, find, library.xref, KINDS).map(({ article: other, reason }) => ({ ...articleEntry(library, other), reason })),
    since: {
      events: since.events.map(({ event, topic, articles }) => ({
        href: annotationHref(library, 'event', event.id),
        title: event.title,
        date: event.data.date!,
        topic: { href: routes.annotation('issue', topic.id), text: topic.title },
        articles: articles.map((a) => ({ href: routes.article(a.slug), text: a.data.title })),
      })),
      more: since.more > 0 ? { count: since.more, topics: since.moreTopics.map((t) => ({ href: routes.annotation('issue', t.id), text: t.title })) } : undefined,
    },
  };
}

/** One event as the timeline lists it: its date, its topics (each a filter), the words that mention it. */
export interface TimelineEntry {
  id: string;
  title: string;
  date: PreciseDate;
  /** Its entry among the events, with its card. */
  href: string;
  topics: Link[];
  /** Up to `TIMELINE_PLACES` places that mention it, landing on the words; the rest counted, linked to its card. */
  mentions: { links: Link[]; more?: Link | undefined };
}

/** Places named under a timeline entry; its card lists them all. */
const TIMELINE_PLACES = 3;

export interface TimelineRoute {
  head: PageHead;
  title: string;
  /** The topics of this page's events, each linked to its own timeline (on its page), with its count. */
  topics: Array<Link & { count: number }>;
  /** Events per year across the whole timeline, each linked to where it starts. */
  overview: Array<{ year: number; count: number; href: string }>;
  years: Array<{ strip: YearStrip; entries: TimelineEntry[]; continued: boolean }>;
  pager?: Pager | undefined;
  /** Events with no date, which no axis can place: where they are listed. */
  undated?: (Link & { count: number }) | undefined;
}

/** The dated events of the whole archive, or of one topic, in date order. */
export function timelineEvents(library: Library, topic?: AnnotationItem): Array<AnnotationItem<'event'>> {
  return (topic ? library.xref.linked(topic, 'event') : library.xref.all('event')).filter((e) => e.data.date);
}

/** Dated events drawn by year: one strip a year. */
function strips(events: ReadonlyArray<AnnotationItem<'event'>>): YearStrip[] {
  const byYear = new Map<number, Array<AnnotationItem<'event'>>>();
  for (const event of events) {
    const list = byYear.get(event.data.date!.year);
    if (list) list.push(event);
    else byYear.set(event.data.date!.year, [event]);
  }
  return [...byYear].map(([year, list]) => yearStrip(year, list.map((e) => ({ id: e.id, title: e.title, date: e.data.date! }))));
}

/** A page of the timeline (`/timeline/`, `/timeline/2/`): its events drawn by year and listed in order. */
export function timelineRoute(library: Library, page: number): TimelineRoute {
  const all = timelineEvents(library);
  const pages = paged(all, TIMELINE_PAGE_SIZE);
  const title = pages.length > 1 && page > 1 ? `Timeline, page ${page} of ${pages.length}` : 'Timeline';
  const startPage = new Map<number, number>();
  const counts = new Map<number, number>();
  all.forEach((event, i) => {
    const year = event.data.date!.year;
    if (!startPage.has(year)) startPage.set(year, Math.floor(i / TIMELINE_PAGE_SIZE) + 1);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  });
  const events = pages[page - 1]!;
  const topicCounts = new Map<string, { issue: AnnotationItem; count: number }>();
  const entries = new Map(
    events.map((event) => {
      const topics = library.xref.linked(event, 'issue');
      for (const issue of topics) topicCounts.set(issue.id, { issue, count: (topicCounts.get(issue.id)?.count ?? 0) + 1 });
      const places = library.xref.places('event', event.id);
      const entry: TimelineEntry = {
        id: `timeline-${event.id}`,
        title: event.title,
        date: event.data.date!,
        href: annotationHref(library, 'event', event.id),
        topics: topics.map((issue) => ({ href: routes.topicTimeline(issue.id), text: issue.title })),
        mentions: {
          links: places.slice(0, TIMELINE_PLACES).map((place) => {
            const article = library.article(place.article)!;
            const section = library.section(place.article, place.section)!;
            return { href: routes.mark(place.article, place.markId), text: `${article.data.title} — ${sectionLabel(section.data)}` };
          }),
          more: places.length > TIMELINE_PLACES ? { href: annotationHref(library, 'event', event.id), text: `${places.length - TIMELINE_PLACES} more places` } : undefined,
        },
      };
      return [event.id, entry] as const;
    }),
  );
  const undated = library.xref.all('event').length - all.length;
  return {
    head: { title, description: 'Every dated event in the archive, on one time axis.' },
    title,
    topics: [...topicCounts.values()].sort((a, b) => a.issue.title.localeCompare(b.issue.title)).map(({ issue, count }) => ({ href: routes.topicTimeline(issue.id), text: issue.title, count })),
    overview: [...counts].map(([year, count]) => ({ year, count, href: `${routes.timeline(startPage.get(year)!)}#timeline-${year}` })),
    years: strips(events).map((strip) => ({
      strip,
      entries: events.filter((e) => e.data.date!.year === strip.year).map((e) => entries.get(e.id)!),
      continued: startPage.get(strip.year)! < page,
    })),
    pager: pager(page, pages.length, routes.timeline),
    undated: undated > 0 ? { href: routes.kind('event'), text: 'the events listing', count: undated } : undefined,
  };
}
