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
import { apa, bibtex, chicago } from '../publish/citation.ts';
import { articleJsonLd, firstSentence, type PageMeta } from '../publish/seo.ts';
import { timelineLayout, targetSteps, type TargetStep, type TimelineLayout } from '../view/figures.ts';
import { sectionLabel } from '../view/sections.ts';
import { annotationHref, cardProps, type CardProps, type Link } from './cards.ts';
import type { Article, Library, Section } from './library.ts';
import { routes } from './routes.ts';

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
  parts: SectionPart[];
  /** Its cards, in the order the text first mentions them; what the folded sidebar says it holds. */
  notes: { summary: string; label: string; cards: CardProps[] } | undefined;
}

export interface ArticleRoute {
  head: PageHead;
  header: { title: string; author: string; publisher: string; published: PreciseDate; original: string };
  contents: Link[];
  body: { title: string; sections: SectionProps[] };
  author: { name: string; note: string };
  cite: { styles: Array<{ id: string; name: string; text: string }>; edition: string };
}

function figureProps(library: Library, name: string): FigureProps {
  const found = library.figure(name);
  if (!found) return { kind: 'missing', name };
  const { spec, events } = found;
  return spec.kind === 'timeline'
    ? { kind: 'timeline', name, caption: spec.caption, layout: timelineLayout(events, spec.from, spec.to) }
    : { kind: 'targets', name, caption: spec.caption, steps: targetSteps(events) };
}

function sectionProps(library: Library, article: Article, section: Section): SectionProps {
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
    share: routes.share(article.slug, id),
    aliases,
    parts: splitAtFigures(section.html).map((part) => ('figure' in part ? { figure: figureProps(library, part.figure) } : part)),
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
      },
    },
    header: { title, author: author.name, publisher, published, original },
    contents: [...article.sections.map((s) => ({ href: `#${s.data.id}`, text: sectionLabel(s.data) })), { href: '#author', text: 'About the author' }, { href: '#cite', text: 'Cite this' }],
    body: { title, sections: article.sections.map((s) => sectionProps(library, article, s)) },
    author: { name: author.name, note: article.author.note },
    cite: {
      styles: [
        { id: 'cite-apa', name: 'APA', text: apa(cite) },
        { id: 'cite-chicago', name: 'Chicago', text: chicago(cite) },
        { id: 'cite-bibtex', name: 'BibTeX', text: bibtex(cite) },
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

/** A section's share page: previews as the section, and sends the reader into the article at it. */
export function shareRoute(library: Library, slug: string, sectionId: string, path: string): ShareRoute {
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
      path,
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
  const quotes = library.xref.places(kind, id).map((place) => {
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
  };
}

export interface IndexRoute {
  head: PageHead;
  title: string;
  entries: Array<{ href: string; title: string; summary: string }>;
}

/** A kind's index (`/issues/`): every entry, linked to its page, with what it is. */
export function indexRoute(library: Library, kind: AnnotationKind): IndexRoute {
  const spec = ANNOTATION_KINDS[kind];
  return {
    head: { title: spec.plural, description: `The ${spec.plural.toLowerCase()} the articles discuss, each with its links and every mention.` },
    title: spec.plural,
    entries: library.xref.all(kind).map((item) => ({ href: routes.annotation(kind, item.id), title: item.title, summary: spec.describe(item.data as unknown as Record<string, unknown>) })),
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
