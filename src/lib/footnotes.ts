/**
 * Footnotes are numbered across an article: a section's notes continue from the sections before
 * it. Each section is compiled on its own, so the count before it is read from its siblings'
 * Markdown (the same files, in `order`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Notes a Markdown body renders: definitions (`[^x]: …`) that the text refers to (`[^x]`). */
export function footnotesIn(body: string): number {
  const text = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  const definitions = new Set([...text.matchAll(/^\[\^([^\]\s]+)\]:/gm)].map((m) => m[1]!.toLowerCase()));
  const references = new Set([...text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1]!.toLowerCase()));
  return [...definitions].filter((d) => references.has(d)).length;
}

/** The section's place, from its frontmatter `order`. */
function orderOf(source: string): number | undefined {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const order = /^order:\s*(\d+)\s*$/m.exec(frontmatter)?.[1];
  return order === undefined ? undefined : Number(order);
}

/** How many notes the article's earlier sections (lower `order`) render. */
export function footnoteOffset(sectionFile: string, order: number): number {
  const folder = dirname(sectionFile);
  let offset = 0;
  for (const name of readdirSync(folder)) {
    if (!/\.mdx?$/.test(name)) continue;
    const source = readFileSync(join(folder, name), 'utf8');
    const other = orderOf(source);
    if (other !== undefined && other < order) offset += footnotesIn(source.replace(/^---[\s\S]*?\n---/, ''));
  }
  return offset;
}
