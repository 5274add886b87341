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

/** A BibTeX (biblatex) `@online` entry; the date keeps its precision (`date = {2018-10}`). */
export function bibtex(c: CitationInput): string {
  const { family, given } = nameParts(c);
  const word = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ')[0]?.toLowerCase() ?? '';
  const key = `${word(family)}${c.published.year}${word(c.title)}`;
  const fields: Array<[string, string]> = [
    ['author', `{${tex(given ? `${family}, ${given}` : family)}}`],
    // Double braces keep the title's capitals as published.
    ['title', `{{${tex(c.title)}}}`],
    ['organization', `{${tex(c.publisher)}}`],
    // ISO 8601 at the precision given: "2018", "2018-10", "2018-10-19" or a range "…/…", as biblatex reads it.
    ['date', `{${c.published.iso}}`],
    ['url', `{${c.original}}`],
  ];
  return `@online{${key},\n${fields.map(([name, value]) => `  ${name} = ${value},`).join('\n')}\n}`;
}
