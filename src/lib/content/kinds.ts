/**
 * The kinds of annotation, declared once. Every step loops over this table: the content layer
 * (collections, checks, marks), the cross-reference index, the pages (`/<collection>/`), the
 * cards (`src/components/cards/`), search records and result groups, and the marks' look. A new
 * kind is one entry here, its schema (`schemas.ts`), its card, and its content.
 */
export const ANNOTATION_KINDS = {
  event: {
    /** Its collection, and its folder under content/ and its URL: `/events/`. */
    collection: 'events',
    /** As a card labels it, and as search filters and groups name it. */
    label: 'Event',
    plural: 'Events',
    /** The field a card is titled by. */
    titleField: 'title',
    /** Events are listed together, in date order and paged, not given a page each. */
    pages: 'listing',
    /** How its marks are underlined. */
    underline: 'dotted',
    /** Its words for search and previews: what a reader searching for it would type. */
    describe: (data) => [data['note'], data['wording'] && `The article: “${String(data['wording'])}”.`].filter(Boolean).join(' '),
    /** What its pages hold, in a phrase, where the site points a reader to them. */
    blurb: 'every dated event, in order',
  },
  issue: {
    collection: 'issues',
    label: 'Issue',
    plural: 'Issues',
    titleField: 'name',
    /** An index, and a page per entry: `/issues/<id>/`. */
    pages: 'entries',
    underline: 'dashed',
    describe: (data) => String(data['summary']),
    blurb: 'the policy questions the articles discuss',
  },
  person: {
    collection: 'people',
    label: 'Person',
    plural: 'People',
    titleField: 'name',
    pages: 'entries',
    underline: 'solid',
    describe: (data) => String(data['role']),
    blurb: 'who the articles name, and their roles',
  },
} as const satisfies Record<string, KindSpec>;

export interface KindSpec {
  collection: string;
  label: string;
  plural: string;
  titleField: string;
  pages: 'listing' | 'entries';
  underline: 'dotted' | 'dashed' | 'solid' | 'double' | 'wavy';
  describe: (data: Readonly<Record<string, unknown>>) => string;
  blurb: string;
}

export type AnnotationKind = keyof typeof ANNOTATION_KINDS;
export type AnnotationCollection = (typeof ANNOTATION_KINDS)[AnnotationKind]['collection'];

/** Every kind, in the table's order (the order of groups on a page and in search). */
export const KINDS = Object.keys(ANNOTATION_KINDS) as AnnotationKind[];

/** The kind whose collection is `collection`. */
export function kindOf(collection: string): AnnotationKind | undefined {
  return KINDS.find((kind) => ANNOTATION_KINDS[kind].collection === collection);
}

/** "Events, issues and people": the kinds, named in a sentence. */
export function kindsInWords(kinds: readonly AnnotationKind[] = KINDS): string {
  const names = kinds.map((kind) => ANNOTATION_KINDS[kind].plural.toLowerCase());
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
