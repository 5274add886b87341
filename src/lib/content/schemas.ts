/**
 * The shape of every collection: what an editor writes, and the message that names the fix when
 * it is wrong. The content layer validates each entry with these (through Astro's `parseData`);
 * cross-entry rules (references, ids, collisions) live in `rules.ts`. Ids that point at other
 * entries are slugs here, checked against the entries that exist by the rules, with a message
 * that lists the ids an editor may have meant.
 */
import { z } from 'astro/zod';
import { parsePreciseDate, type PreciseDate } from './dates.ts';
import { SLUG, SLUG_HINT } from './ids.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from './kinds.ts';

export const slug = z.string({ error: `required: ${SLUG_HINT}` }).regex(SLUG, { error: `not a lowercase slug: ${SLUG_HINT}` });

/** Parse a date for a schema, turning the parser's message into the field's error. */
function toPreciseDate(text: string, ctx: z.RefinementCtx): PreciseDate {
  try {
    return parsePreciseDate(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
}

/** A date string with its precision kept ("2018-10" is a month). YAML dates must be quoted. */
export const preciseDate = z
  .string({ error: 'required: a quoted date such as "2018-10" or "2018-10-19" (unquoted YAML dates lose their precision)' })
  .transform(toPreciseDate);

const text = (what: string) => z.string({ error: `required: add ${what}` }).trim().min(1, { error: `empty: write ${what}` });

export const authorSchema = z.object({
  name: text('the author’s display name'),
  /** For citations: the family name, where it is not the name's last word ("van der Berg"). */
  family: text('the family name as it is cited, or remove the field').optional(),
});

/**
 * A figure this edition draws for an article, declared by the article: what it draws and how it
 * is captioned. `src/` holds only the drawing code for each kind.
 */
const figure = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('timeline'),
      name: slug,
      caption: text('the figure’s caption'),
      /** The window drawn: events this article mentions that are dated to the day within it. */
      from: preciseDate,
      to: preciseDate,
    }),
    z.object({
      kind: z.literal('targets'),
      name: slug,
      caption: text('the figure’s caption'),
      /** The issue whose events' successive target dates are drawn. */
      issue: slug,
    }),
  ],
  { error: 'a figure needs kind: timeline (with from and to) or targets (with issue), a name and a caption' },
);

export const articleSchema = z.object({
  title: text('the article title'),
  author: slug,
  publisher: text('the publisher’s name'),
  published: preciseDate,
  original: z.url({ protocol: /^https?$/, error: 'required: the original address, an absolute https:// URL' }),
  description: text('one sentence quoted from the text'),
  figures: z.array(figure).default([]),
});

export const sectionSchema = z.object({
  /** The permalink fragment and share-page slug. Never derived from the title. */
  id: slug,
  /** Absent for untitled sections (the opening paragraphs have no heading in the source). */
  title: text('the section heading as in the source, or remove the field').optional(),
  order: z.number({ error: 'required: a whole number giving the section’s place' }).int().min(1),
  article: slug,
  /** Former ids; old links with these fragments or share URLs still land here. */
  aliases: z.array(slug).default([]),
});

/** Where an annotation is mentioned: a section of an article, and the exact words there. */
const mention = z.object({
  article: slug,
  section: slug,
  phrase: text('the exact words of the section to mark (they must occur once in it)'),
});

/** Every annotation says which source its facts come from; nothing else is allowed. */
const basis = z.enum(['article', 'context'], {
  error: 'required: "article" (the article says it) or "context" (from the project’s context facts)',
});

const evidence = z
  .array(text('a quote from the article or the context facts'))
  .min(1, { error: 'empty: quote at least one passage of the source that supports this card' });

/** A date that may be "undated", where only the article's words place the event. */
const eventDate = z
  .string({ error: 'required: a quoted date ("2018", "2018-10", "2018-10-12", "2018-09-18/2018-09-20") or "undated"' })
  .transform((value, ctx) => (value === 'undated' ? null : toPreciseDate(value, ctx)));

/** A link to entries of a kind, written once, on either side, in a field named by its collection. */
const linkList = () => z.array(slug).default([]);
type LinkFields = { [K in AnnotationKind as (typeof ANNOTATION_KINDS)[K]['collection']]: ReturnType<typeof linkList> };
const linkFields = () => Object.fromEntries(KINDS.map((k) => [ANNOTATION_KINDS[k].collection, linkList()])) as LinkFields;

/** What every kind of annotation has: its sources, the words it marks, and its links to the other kinds. */
function annotation<F extends z.ZodRawShape>(fields: F) {
  return z.object({ ...fields, basis, evidence, mentions: z.array(mention).default([]), ...linkFields() });
}

const event = annotation({
  title: text('a short neutral title'),
  date: eventDate,
  /** Said out loud so an editor cannot write a day where the sources give only a month. */
  precision: z.enum(['year', 'month', 'day', 'range', 'undated'], {
    error: 'required: year, month, day, range or undated (what the sources support)',
  }),
  /** The article's own words where it is vague ("In early September"). */
  wording: text('the article’s own words for the date').optional(),
  /** A date the event set for the future (e.g. an agreed transfer date). */
  target: preciseDate.optional(),
  /** What the target was, in words, where there is no date (e.g. "conditions-based"). */
  targetLabel: text('the target in words').optional(),
  note: text('a short neutral note'),
}).superRefine((entry, ctx) => {
  const actual = entry.date?.precision ?? 'undated';
  if (actual !== entry.precision) {
    ctx.addIssue({
      code: 'custom',
      path: ['precision'],
      message: `"${entry.precision}" does not match the date, which is written as a ${actual}: write the date to that precision or change precision to ${actual}`,
    });
  }
});

const issue = annotation({
  name: text('the issue’s name'),
  summary: text('a short neutral summary'),
});

const person = annotation({
  name: text('the person’s name as the sources write it'),
  /** Their role as the article or the context gives it, and when it gives it. */
  role: text('the role the article or the context gives, e.g. “Foreign Minister”'),
  roleAsOf: preciseDate,
});

/** Each kind's schema, by kind: the content layer validates its collection with it. */
export const annotationSchemas = { event, issue, person } satisfies Record<AnnotationKind, z.ZodType>;

/** Every collection's schema, by collection. */
export const COLLECTION_SCHEMAS: Record<string, z.ZodType> = {
  authors: authorSchema,
  articles: articleSchema,
  sections: sectionSchema,
  ...Object.fromEntries(KINDS.map((kind) => [ANNOTATION_KINDS[kind].collection, annotationSchemas[kind]])),
};

export type AuthorData = z.output<typeof authorSchema>;
export type ArticleData = z.output<typeof articleSchema>;
export type SectionData = z.output<typeof sectionSchema>;
export type FigureSpec = ArticleData['figures'][number];
export type Mention = z.output<typeof mention>;
export type EventData = z.output<typeof event>;
export type IssueData = z.output<typeof issue>;
export type PersonData = z.output<typeof person>;
export interface AnnotationData {
  event: EventData;
  issue: IssueData;
  person: PersonData;
}
