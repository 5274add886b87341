/**
 * The collections: each one's shape (`lib/content/schemas.ts`) and the one content layer that
 * loads them all (`lib/content/publication.ts`): every file read and validated, the cross-entry
 * rules run, and every section compiled once, by the one Markdown pipeline, into its HTML and
 * outline, kept in the data store. The annotation collections come from the kinds table.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { contentDir } from './lib/env.ts';
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from './lib/content/kinds.ts';
import { publicationLoaders } from './lib/content/publication.ts';
import { annotationSchemas, articleSchema, authorSchema, sectionSchema } from './lib/content/schemas.ts';

const loaders = publicationLoaders({ root: contentDir(process.env) });

type Schemas = typeof annotationSchemas;
type AnnotationCollections = {
  [K in AnnotationKind as (typeof ANNOTATION_KINDS)[K]['collection']]: { loader: Loader; schema: Schemas[K] };
};

const annotationCollections = Object.fromEntries(
  KINDS.map((kind) => [ANNOTATION_KINDS[kind].collection, defineCollection({ loader: loaders[ANNOTATION_KINDS[kind].collection], schema: annotationSchemas[kind] })]),
) as unknown as AnnotationCollections;

export const collections = {
  authors: defineCollection({ loader: loaders.authors, schema: authorSchema }),
  articles: defineCollection({ loader: loaders.articles, schema: articleSchema }),
  sections: defineCollection({ loader: loaders.sections, schema: sectionSchema }),
  ...annotationCollections,
};
