/** Metadata for previews and search engines, built from content: one shape for every page. */
import type { PreciseDate } from '../content/dates.ts';
import { SITE_NAME } from '../site.ts';

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
  /** Tags for reference managers (`citationMeta`), on article pages. */
  citation?: Array<{ name: string; content: string }> | undefined;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Abbreviations that end with a full stop but not a sentence, when a name or number follows.
 * The platform's segmenter (UAX #29) already keeps "U.S." inside a sentence, but V8's ICU has no
 * abbreviation list for titles ("Dr. Smith" would end at "Dr.").
 */
const TITLES = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Lt|Col|Capt|Sgt|Adm|Sen|Rep|Gov|Pres|Rev|Hon|No|Nos|Vol|pp|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

/** The first whole sentence of a text, for descriptions and previews. */
export function firstSentence(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  let sentence = '';
  for (const { segment } of sentences.segment(clean)) {
    sentence += segment;
    if (!TITLES.test(sentence)) break;
  }
  return (sentence || clean).trim();
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
