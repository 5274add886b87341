/**
 * A card's props, for any kind of annotation, wherever it is shown: beside a section (lettered,
 * its "Mentioned in" links as short as the reader's place allows), on its kind's listing, or on
 * another entry's page. Computed from the library once per page; the card components
 * (`src/components/cards/`) only render these.
 */
import type { AnnotationItem, EventItem, MentionPlace, PersonItem } from '../content/cross-reference.ts';
import type { PreciseDate } from '../content/dates.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from '../content/kinds.ts';
import { placeLabel, placesToList } from '../view/place-label.ts';
import { sectionLabel } from '../view/sections.ts';
import type { Library } from './library.ts';
import { routes } from './routes.ts';

export interface Link {
  href: string;
  text: string;
}

/** Where an annotation is mentioned: the places named, and a count of the rest with where all are listed. */
export interface MentionLinksProps {
  links: Link[];
  others?: Link | undefined;
}

interface CardCommon {
  /** The card's element id: unique on the page. */
  id: string;
  /** Its letter beside a section (a, b, …, in the order first mentioned); absent elsewhere. */
  letter?: string | undefined;
  /** Its kind, as the card names it ("Event"). */
  label: string;
  title: string;
  /** The entry's own page, where its kind has one. */
  href?: string | undefined;
  /** Entries of the other kinds it links to, by kind ("Issues: …"). */
  related: Array<{ label: string; links: Link[] }>;
  mentions: MentionLinksProps;
  /** Where its facts come from, said where the card stands on its own (listings and pages). */
  basis?: string | undefined;
}

export interface EventCardProps extends CardCommon {
  kind: 'event';
  date: PreciseDate | null;
  wording?: string | undefined;
  note: string;
  target?: PreciseDate | undefined;
  targetLabel?: string | undefined;
}

export interface IssueCardProps extends CardCommon {
  kind: 'issue';
  summary: string;
}

export interface PersonCardProps extends CardCommon {
  kind: 'person';
  role: string;
  roleAsOf: PreciseDate;
}

export type CardProps = EventCardProps | IssueCardProps | PersonCardProps;

/** Where the card stands: beside a section of an article, or on a page of the site. */
export interface CardPlace {
  article?: string | undefined;
  section?: string | undefined;
}

const BASIS = { article: 'the article', context: 'the article and established context' } as const;

/** Which related kinds a card lists: the ones a reader of that card follows on. */
const RELATED: Record<AnnotationKind, readonly AnnotationKind[]> = { event: ['issue', 'person'], issue: [], person: [] };

/** Where an entry is shown on its own: its page, or its entry in its kind's listing. */
export function annotationHref(library: Library, kind: AnnotationKind, id: string): string {
  return routes.annotation(kind, id, library.listingPage(kind, id));
}

/** Where every place an entry is mentioned is listed: its listing entry, or its page's list. */
function allPlacesHref(library: Library, kind: AnnotationKind, id: string): string {
  return ANNOTATION_KINDS[kind].pages === 'entries' ? `${routes.annotation(kind, id)}#${kind}-mentions` : annotationHref(library, kind, id);
}

export function mentionLinks(library: Library, places: readonly MentionPlace[], here: CardPlace, allPlaces: string): MentionLinksProps {
  const { named, counted } = placesToList(places, here.article);
  const links = named.map((place) => {
    const section = library.section(place.article, place.section);
    const text = placeLabel(
      {
        ...place,
        paragraph: place.placement?.paragraph,
        sectionLabel: section ? sectionLabel(section.data) : place.section,
        articleTitle: library.article(place.article)?.data.title ?? place.article,
      },
      here,
    );
    return { href: place.article === here.article ? `#${place.markId}` : routes.mark(place.article, place.markId), text };
  });
  const others = counted && { href: allPlaces, text: `${counted.places} places in ${counted.articles} other article${counted.articles === 1 ? '' : 's'}` };
  return { links, others };
}

export function cardProps(library: Library, item: AnnotationItem, options: { id: string; letter?: string; here?: CardPlace; showBasis?: boolean }): CardProps {
  const here = options.here ?? {};
  const common = {
    id: options.id,
    letter: options.letter,
    label: ANNOTATION_KINDS[item.kind].label,
    title: item.title,
    href: ANNOTATION_KINDS[item.kind].pages === 'entries' ? routes.annotation(item.kind, item.id) : undefined,
    related: KINDS.filter((kind) => RELATED[item.kind].includes(kind))
      .map((kind) => ({
        label: ANNOTATION_KINDS[kind].plural,
        links: library.xref.linked(item, kind).map((other) => ({ href: annotationHref(library, kind, other.id), text: other.title })),
      }))
      .filter((group) => group.links.length > 0),
    mentions: mentionLinks(library, library.xref.places(item.kind, item.id), here, allPlacesHref(library, item.kind, item.id)),
    basis: options.showBasis ? BASIS[item.data.basis] : undefined,
  };
  switch (item.kind) {
    case 'event': {
      const { date, wording, note, target, targetLabel } = (item as EventItem).data;
      return { ...common, kind: 'event', date, wording, note, target, targetLabel };
    }
    case 'issue':
      return { ...common, kind: 'issue', summary: (item as AnnotationItem<'issue'>).data.summary };
    case 'person': {
      const { role, roleAsOf } = (item as PersonItem).data;
      return { ...common, kind: 'person', role, roleAsOf };
    }
  }
}
