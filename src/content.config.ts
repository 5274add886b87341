import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './lib/env.ts';
import { parsePreciseDate } from './lib/dates.ts';
import { SLUG, SLUG_HINT } from './lib/ids.ts';
import { published } from './lib/content-registry.ts';

const root = contentDir(process.env);
// Every collection publishes its validated entries (content-registry.ts): the Markdown steps and
// `npm run check` read them there, never the files themselves.

const slug = z.string({ error: `required: ${SLUG_HINT}` }).regex(SLUG, { error: `not a lowercase slug: ${SLUG_HINT}` });

/** Parse a date for a schema, turning the parser's message into the field's error. */
function toPreciseDate(text: string, ctx: z.RefinementCtx) {
  try {
    return parsePreciseDate(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
}

/** A date string with its precision kept ("2018-10" is a month). YAML dates must be quoted. */
const preciseDate = z
  .string({ error: 'required: a quoted date such as "2018-10" or "2018-10-19" (unquoted YAML dates lose their precision)' })
  .transform(toPreciseDate);

const text = (what: string) =>
  z.string({ error: `required: add ${what}` }).trim().min(1, { error: `empty: write ${what}` });

const authors = defineCollection({
  loader: published(glob({ pattern: '*.{md,mdx}', base: `${root}/authors` })),
  schema: z.object({
    name: text('the author’s display name'),
    /** For citations: the family name, where it is not the name's last word ("van der Berg"). */
    family: text('the family name as it is cited, or remove the field').optional(),
  }),
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

const articles = defineCollection({
  // One folder per article; the folder name is the article's slug and URL.
  loader: published(
    glob({
      pattern: '*/article.{yaml,yml}',
      base: `${root}/articles`,
      generateId: ({ entry }) => entry.split('/')[0] ?? entry,
    }),
  ),
  schema: z.object({
    title: text('the article title'),
    author: reference('authors'),
    publisher: text('the publisher’s name'),
    published: preciseDate,
    original: z.url({ protocol: /^https?$/, error: 'required: the original address, an absolute https:// URL' }),
    description: text('one sentence quoted from the text'),
    figures: z.array(figure).default([]),
  }),
});

const sections = defineCollection({
  loader: published(glob({ pattern: '*/*.{md,mdx}', base: `${root}/articles` })),
  schema: z.object({
    /** The permalink fragment and share-page slug. Never derived from the title. */
    id: slug,
    /** Absent for untitled sections (the opening paragraphs have no heading in the source). */
    title: text('the section heading as in the source, or remove the field').optional(),
    order: z.number({ error: 'required: a whole number giving the section’s place' }).int().min(1),
    article: reference('articles'),
    /** Former ids; old links with these fragments or share URLs still land here. */
    aliases: z.array(slug).default([]),
  }),
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
  .transform((text, ctx) => (text === 'undated' ? null : toPreciseDate(text, ctx)));

const events = defineCollection({
  loader: published(glob({ pattern: '*.{yaml,yml}', base: `${root}/events` })),
  schema: z
    .object({
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
      basis,
      evidence,
      issues: z.array(reference('issues')).default([]),
      mentions: z.array(mention).default([]),
    })
    .superRefine((event, ctx) => {
      const actual = event.date?.precision ?? 'undated';
      if (actual !== event.precision) {
        ctx.addIssue({
          code: 'custom',
          path: ['precision'],
          message: `"${event.precision}" does not match the date, which is written as a ${actual}: write the date to that precision or change precision to ${actual}`,
        });
      }
    }),
});

const issues = defineCollection({
  loader: published(glob({ pattern: '*.{yaml,yml}', base: `${root}/issues` })),
  schema: z.object({
    name: text('the issue’s name'),
    summary: text('a short neutral summary'),
    basis,
    evidence,
    events: z.array(reference('events')).default([]),
    mentions: z.array(mention).default([]),
  }),
});

export const collections = { authors, articles, sections, events, issues };
