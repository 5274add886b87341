import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './lib/env.ts';
import { parsePreciseDate } from './lib/dates.ts';
import { SLUG, SLUG_HINT } from './lib/ids.ts';

const root = contentDir(process.env);

const slug = z.string({ error: `required: ${SLUG_HINT}` }).regex(SLUG, { error: `not a lowercase slug: ${SLUG_HINT}` });

/** A date string with its precision kept ("2018-10" is a month). YAML dates must be quoted. */
const preciseDate = z
  .string({ error: 'required: a quoted date such as "2018-10" or "2018-10-19" (unquoted YAML dates lose their precision)' })
  .transform((text, ctx) => {
    try {
      return parsePreciseDate(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const text = (what: string) =>
  z.string({ error: `required: add ${what}` }).trim().min(1, { error: `empty: write ${what}` });

const authors = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${root}/authors` }),
  schema: z.object({ name: text('the author’s display name') }),
});

const articles = defineCollection({
  // One folder per article; the folder name is the article's slug and URL.
  loader: glob({
    pattern: '*/article.{yaml,yml}',
    base: `${root}/articles`,
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: z.object({
    title: text('the article title'),
    author: reference('authors'),
    publisher: text('the publisher’s name'),
    published: preciseDate,
    original: z.url({ error: 'required: the original address, an absolute https:// URL' }),
    description: text('one sentence quoted from the text'),
  }),
});

const sections = defineCollection({
  loader: glob({ pattern: '*/*.{md,mdx}', base: `${root}/articles` }),
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

export const collections = { authors, articles, sections };
