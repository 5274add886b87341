/**
 * Footnotes are numbered across an article: a section's notes continue from the sections before
 * it. Each section is compiled on its own, so the count before it comes from the article's other
 * sections as the content collections loaded them.
 */
import { derived, entriesOf } from './content-registry.ts';

/** Notes a Markdown body renders: definitions (`[^x]: …`) that the text refers to (`[^x]`). */
export function footnotesIn(body: string): number {
  const text = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  const definitions = new Set([...text.matchAll(/^\[\^([^\]\s]+)\]:/gm)].map((m) => m[1]!.toLowerCase()));
  const references = new Set([...text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1]!.toLowerCase()));
  return [...definitions].filter((d) => references.has(d)).length;
}

export interface SectionNotes {
  order: number;
  notes: number;
}

/** How many notes an article's sections placed before `order` render. */
export function notesBefore(sections: readonly SectionNotes[], order: number): number {
  return sections.filter((s) => s.order < order).reduce((sum, s) => sum + s.notes, 0);
}

/** How many notes come before a section, by the validated sections of its article. */
export function notesBeforeInCollections(article: string, order: number): number {
  return notesBefore(sectionNotes().get(article) ?? [], order);
}

/** Every article's sections with their note counts, from the validated sections (once per load of the collections). */
export const sectionNotes = derived((): Map<string, SectionNotes[]> => {
  const byArticle = new Map<string, SectionNotes[]>();
  for (const entry of entriesOf('sections')) {
    const article = (entry.data['article'] as { id: string }).id;
    const list = byArticle.get(article) ?? [];
    list.push({ order: entry.data['order'] as number, notes: footnotesIn(entry.body ?? '') });
    byArticle.set(article, list);
  }
  return byArticle;
});
