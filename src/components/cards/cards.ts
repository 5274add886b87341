/**
 * Each kind's card component. Components cannot live in the kinds table itself (the content layer
 * and the build steps read it outside Astro), so they are named here, one per kind: the type makes
 * a kind without a card a build error.
 */
import type { AnnotationKind } from '../../lib/content/kinds.ts';
import type { CardProps } from '../../lib/routing/cards.ts';
import EventCard from './EventCard.astro';
import IssueCard from './IssueCard.astro';
import PersonCard from './PersonCard.astro';

/** Each takes its own kind's props (`Card.astro` hands them over by kind), so the table holds them loosely. */
export const CARDS = {
  event: EventCard,
  issue: IssueCard,
  person: PersonCard,
} as unknown as Record<AnnotationKind, (props: CardProps) => unknown>;
