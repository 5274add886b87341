/** Metadata for previews and search engines, built from content: one shape for every page. */
import type { PreciseDate } from './dates.ts';
import { SITE_NAME } from './site.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the canonical page. */
  canonical: string;
  /** Path of this page, for og:url (differs from canonical on share pages). */
  path: string;
  /** Path of a 1200×630 PNG preview card. */
  image?: string | undefined;
  imageAlt?: string | undefined;
  type?: 'website' | 'article';
  jsonLd?: Record<string, unknown> | undefined;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The first whole sentence of a text, for descriptions and previews. The platform's sentence
 * segmenter (Unicode UAX #29 with ICU's abbreviation rules) knows "U.S." does not end one.
 */
export function firstSentence(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const first = sentences.segment(clean)[Symbol.iterator]().next().value;
  return (first?.segment ?? clean).trim();
}

/** Strip Markdown/MDX down to the first paragraph of plain text. */
export function firstParagraph(body: string): string {
  return (
    body
      .split(/\n\s*\n/)
      .map((b) => b.trim())
      .find((b) => b !== '' && !/^(<|import |export )/.test(b)) ?? ''
  );
}

export function articleJsonLd(input: {
  url: string;
  headline: string;
  description: string;
  author: string;
  publisher: string;
  published: PreciseDate;
  image?: string | undefined;
  original: string;
}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.headline,
    description: input.description,
    author: { '@type': 'Person', name: input.author },
    publisher: { '@type': 'Organization', name: input.publisher },
    // ISO 8601 with the precision the source gives ("2018-10" is a month).
    datePublished: input.published.iso,
    url: input.url,
    mainEntityOfPage: input.url,
    isBasedOn: input.original,
    ...(input.image ? { image: input.image } : {}),
    sourceOrganization: { '@type': 'Organization', name: SITE_NAME },
  };
}

/** JSON for a <script type="application/ld+json">, safe against a "</script>" in the data. */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
