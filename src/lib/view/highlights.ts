/**
 * A reader's highlights and notes, as kept on their device and as they take them away: the
 * record, the one file format (JSON, read back by import), the Markdown export, and the check
 * every file and every stored value passes before it is used. Pure: the browser script
 * (`src/scripts/highlights.ts`) does the storing and drawing.
 *
 * Kept in `localStorage`, one key per origin and base path: reads are synchronous, so a page
 * with highlights draws them as it loads, and a page without costs one lookup; the 5 MB a
 * browser allows hold thousands of quotes. Nothing is ever sent anywhere.
 */
import { quoteLinkInContext } from './quote-context.ts';
import type { TextQuote } from './text-quote.ts';

export interface Highlight {
  /** Unique on the device: a random id given when the reader highlights. */
  id: string;
  /** The article's path on this site ("/my-analysis/"). */
  article: string;
  /** The article's title and the original's citation when the reader highlighted: for the lists and exports. */
  title: string;
  citation: string;
  /** The section's id, where the quote is looked for first. */
  section: string;
  quote: TextQuote;
  /** The reader's note; empty for a plain highlight. */
  note: string;
  /** When it was made (ISO 8601). */
  created: string;
}

/** The name a highlights file carries, so a file of something else is told apart. */
export const HIGHLIGHTS_FORMAT = 'long-reads-highlights';
/** A highlights file larger than this is not a reader's highlights: refused unread. */
export const MAX_IMPORT_BYTES = 1_000_000;
/** Longest quote or note kept, in characters. */
const MAX_TEXT = 20_000;


const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;

/** Why `value` is not a highlight, or undefined when it is one. */
function problem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object';
  const h = value as Record<string, unknown>;
  if (!isText(h['id'], 100) || !/^[\w-]+$/.test(h['id'])) return 'has no id';
  if (!isText(h['article'], 2000) || !h['article'].startsWith('/') || h['article'].startsWith('//')) return 'has no article path on this site';
  if (!isText(h['section'], 200) || !h['section']) return 'has no section';
  for (const field of ['title', 'citation', 'note', 'created'] as const) if (!isText(h[field])) return `has no ${field}`;
  const q = h['quote'] as Record<string, unknown> | null;
  if (typeof q !== 'object' || q === null || !isText(q['exact']) || !q['exact'] || !isText(q['prefix']) || !isText(q['suffix'])) return 'has no quote';
  return undefined;
}

/** Only the fields a highlight has: anything else in a file is left behind. */
function clean(h: Highlight): Highlight {
  const { id, article, title, citation, section, quote, note, created } = h;
  return { id, article, title, citation, section, quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, note, created };
}

/** What is said of a file too large to be a reader's highlights (refused before it is read). */
export function tooLarge(bytes: number): { error: string } {
  return { error: `This file is ${Math.round(bytes / 1000)} KB: a highlights file is under ${MAX_IMPORT_BYTES / 1_000_000} MB. Nothing was imported.` };
}

/**
 * Reads a highlights file (or the stored value): every highlight in it, or what is wrong with it.
 * All or nothing: one bad entry refuses the file, so an import never half-happens.
 */
export function parseHighlights(text: string): { highlights: Highlight[] } | { error: string } {
  if (text.length > MAX_IMPORT_BYTES) return tooLarge(text.length);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'This file is not JSON: choose a file exported from “Your highlights”. Nothing was imported.' };
  }
  const file = data as Record<string, unknown> | null;
  if (typeof file !== 'object' || file === null || file['format'] !== HIGHLIGHTS_FORMAT || !Array.isArray(file['highlights'])) {
    return { error: 'This is not a highlights file from this reader (no “format”: “long-reads-highlights”). Nothing was imported.' };
  }
  for (const [i, entry] of file['highlights'].entries()) {
    const why = problem(entry);
    if (why) return { error: `Highlight ${i + 1} in this file ${why}. Nothing was imported.` };
  }
  return { highlights: (file['highlights'] as Highlight[]).map(clean) };
}

/** The file `parseHighlights` reads back; `compact` as the device keeps it. */
export function highlightsJson(highlights: readonly Highlight[], compact = false): string {
  const file = { format: HIGHLIGHTS_FORMAT, version: 1, highlights };
  return compact ? JSON.stringify(file) : `${JSON.stringify(file, null, 2)}\n`;
}


/** `incoming` added to `existing`; one already there (same id) is kept as it is. */
export function mergeHighlights(existing: readonly Highlight[], incoming: readonly Highlight[]): Highlight[] {
  const ids = new Set(existing.map((h) => h.id));
  return [...existing, ...incoming.filter((h) => !ids.has(h.id) && ids.add(h.id))];
}

/** Highlights in reading order: by article as first highlighted, then by when each was made. */
export function byArticle(highlights: readonly Highlight[]): Array<{ article: string; title: string; citation: string; highlights: Highlight[] }> {
  const groups = new Map<string, { article: string; title: string; citation: string; highlights: Highlight[] }>();
  for (const h of highlights) {
    const group = groups.get(h.article) ?? { article: h.article, title: h.title, citation: h.citation, highlights: [] };
    group.highlights.push(h);
    groups.set(h.article, group);
  }
  return [...groups.values()];
}

/**
 * A link to the highlight's words: its section's permalink with a text fragment, and a few words
 * of the text around them, so that it lands on this place and not on the first with the same words.
 */
export function highlightLink(origin: string, h: Highlight): string {
  return quoteLinkInContext(`${origin}${h.article}`, h.section, h.quote);
}

/** Quoted as Markdown reads it: every line of the quote behind "> ". */
const blockquote = (text: string) => text.split(/\r?\n/).map((line) => `> ${line}`.trimEnd()).join('\n');

/** Each article's quotes with their notes, its citation and a link to each quote's words. */
export function highlightsMarkdown(highlights: readonly Highlight[], origin: string): string {
  return byArticle(highlights)
    .map(({ title, citation, highlights: items }) =>
      [`## ${title}`, '', citation, '', ...items.flatMap((h) => [blockquote(h.quote.exact), '', ...(h.note ? [`Note: ${h.note}`, ''] : []), `[Link to the quote](${highlightLink(origin, h)})`, ''])].join('\n'),
    )
    .join('\n');
}
