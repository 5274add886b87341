/**
 * How to cite the original article, from its `article.yaml` and author only: nothing is added
 * that the metadata does not say. The date keeps its precision ("2018-10" is cited as a month).
 * The title is kept as published (APA's sentence case would need to know which words are names).
 */
import { MONTHS, type PreciseDate } from '../content/dates.ts';

export interface CitationInput {
  /** The author's name as published, e.g. "Phillip Orchard". */
  author: string;
  /** The family name, where it is not the name's last word (e.g. "van der Berg"). */
  family?: string | undefined;
  title: string;
  publisher: string;
  published: PreciseDate;
  original: string;
}

/** Family and given names: the family name is the last word unless the author's data says otherwise. */
export function nameParts({ author, family }: Pick<CitationInput, 'author' | 'family'>): { family: string; given: string } {
  const name = author.trim();
  const last = family ?? name.split(/\s+/).at(-1) ?? name;
  return { family: last, given: name.endsWith(last) ? name.slice(0, name.length - last.length).trim() : name };
}

/** "P." for Phillip, "J.-P." for Jean-Paul, "M. A." for Mary Ann. */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split('-').map((part) => `${part[0]!.toUpperCase()}.`).join('-'))
    .join(' ');
}

const month = (m: number | undefined) => (m === undefined ? '' : MONTHS[m - 1]!);

/** The date as the source gives it: its year, and its month and day(s) where it has them. */
function dateWords(d: PreciseDate): { year: number; month: string; days: string } {
  const days = d.precision === 'day' ? `${d.day}` : d.precision === 'range' ? `${d.day}–${d.end!.month === d.month ? '' : `${month(d.end!.month)} `}${d.end!.day}` : '';
  return { year: d.year, month: month(d.month), days };
}

/** APA 7: Orchard, P. (2018, October). Title. Publisher. URL */
export function apa(c: CitationInput): string {
  const { family, given } = nameParts(c);
  const { year, month, days } = dateWords(c.published);
  const date = [year, [month, days].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const who = given ? `${family}, ${initials(given)}` : family;
  return `${who} (${date}). ${c.title}. ${c.publisher}. ${c.original}`;
}

/** Chicago (17th ed., bibliography): Orchard, Phillip. “Title.” Publisher, October 2018. URL. */
export function chicago(c: CitationInput): string {
  const { family, given } = nameParts(c);
  const { year, month, days } = dateWords(c.published);
  const date = `${month ? `${month} ${days ? `${days}, ` : ''}` : ''}${year}`;
  const who = given ? `${family}, ${given}` : family;
  // The title's closing quote takes the full stop, as Chicago puts it.
  return `${who}. “${c.title.replace(/[.]$/, '')}.” ${c.publisher}, ${date}. ${c.original}.`;
}

/** Characters BibTeX reads as commands, escaped so the text comes out as written. */
function tex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => ({ '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' })[ch] ?? `\\${ch}`);
}

/** The entry's key: family name, year, the title's first word ("orchard2018south"). */
function entryKey(c: CitationInput): string {
  const word = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ')[0]?.toLowerCase() ?? '';
  return `${word(nameParts(c).family)}${c.published.year}${word(c.title)}`;
}

function entry(type: string, c: CitationInput, fields: Array<[string, string]>): string {
  return `@${type}{${entryKey(c)},\n${fields.map(([name, value]) => `  ${name} = ${value},`).join('\n')}\n}`;
}

/** The author as both dialects read a name: "Family, Given". */
function texAuthor(c: CitationInput): string {
  const { family, given } = nameParts(c);
  return `{${tex(given ? `${family}, ${given}` : family)}}`;
}

/** Classic BibTeX's three-letter month macros, which every style knows. */
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Classic BibTeX, which every style reads: `@misc` with `year` and, where the date has one, the
 * `month` macro; the publisher and address in `howpublished` (which every style prints, the
 * address in `\url` as the url package sets it) and `url` (which newer styles link). A day or a range has no field of its own in BibTeX, so it goes in the note, as written.
 */
export function bibtex(c: CitationInput): string {
  const { month: monthName, days } = dateWords(c.published);
  const fields: Array<[string, string]> = [
    ['author', texAuthor(c)],
    // Double braces keep the title's capitals as published.
    ['title', `{{${tex(c.title)}}}`],
    // Classic styles print `howpublished` as it stands and know no publisher for `@misc`.
    ['howpublished', `{${tex(c.publisher)}, \\url{${c.original}}}`],
    ['year', `{${c.published.year}}`],
  ];
  if (c.published.month !== undefined) fields.push(['month', BIBTEX_MONTHS[c.published.month - 1]!]);
  if (days) fields.push(['note', `{Published ${monthName} ${days}, ${c.published.year}}`]);
  fields.push(['url', `{${c.original}}`]);
  return entry('misc', c, fields);
}

/** BibLaTeX's `@online` entry, whose `date` keeps the precision ISO 8601 gives it: "2018-10", a day, or a range "…/…". */
export function biblatex(c: CitationInput): string {
  return entry('online', c, [
    ['author', texAuthor(c)],
    ['title', `{{${tex(c.title)}}}`],
    ['organization', `{${tex(c.publisher)}}`],
    ['date', `{${c.published.iso}}`],
    ['url', `{${c.original}}`],
  ]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The tags reference managers read from the page (Zotero, Mendeley, Google Scholar): Highwire
 * Press `citation_*`, whose date is "YYYY/MM/DD" cut to the precision given (a range gives its
 * first day), and Dublin Core, whose date is ISO 8601 at that precision. They describe the
 * original, as "Cite this" does: its title, author, publisher, date and address.
 */
export function citationMeta(c: CitationInput, language: string): Array<{ name: string; content: string }> {
  const d = c.published;
  const highwireDate = [String(d.year), ...(d.month === undefined ? [] : [pad(d.month)]), ...(d.day === undefined ? [] : [pad(d.day)])].join('/');
  return [
    { name: 'citation_title', content: c.title },
    { name: 'citation_author', content: c.author },
    { name: 'citation_publication_date', content: highwireDate },
    { name: 'citation_publisher', content: c.publisher },
    { name: 'citation_public_url', content: c.original },
    { name: 'citation_language', content: language },
    { name: 'DC.title', content: c.title },
    { name: 'DC.creator', content: c.author },
    { name: 'DC.date', content: d.iso },
    { name: 'DC.publisher', content: c.publisher },
    { name: 'DC.identifier', content: c.original },
    { name: 'DC.language', content: language },
    { name: 'DC.type', content: 'Text' },
  ];
}
