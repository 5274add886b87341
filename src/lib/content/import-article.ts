/**
 * Turns a plain-text or Markdown article, in the shape the analyses arrive in, into an article
 * folder: blocks separated by blank lines; a heading is a short line with no closing
 * punctuation; "(click to enlarge)" marks a figure of the original; the last block is the author
 * (name on its first line, the note after). Prose is escaped for MDX so it renders verbatim.
 * Pure: `scripts/import.ts` reads and writes the files.
 */
import { SLUG } from './ids.ts';

export const FIGURE_MARK = '(click to enlarge)';

export interface ImportedSection {
  id: string;
  title?: string | undefined;
  order: number;
  /** MDX body: escaped prose and figure placeholders, blocks separated by blank lines. */
  body: string;
}

export interface ImportedArticle {
  sections: ImportedSection[];
  author: { id: string; name: string; note: string } | undefined;
  /** What the editor must still fill in by hand. */
  todo: string[];
}

/** A short line with no sentence punctuation at its end: how the source marks a heading. */
export function isHeading(block: string): boolean {
  return !block.includes('\n') && block.length < 80 && !/[.?!:;,”’")\]]$/.test(block);
}

/** A lowercase ASCII slug for ids and folder names ("Different Means" → "different-means"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Prose made safe for MDX while rendering exactly as written: characters MDX or Markdown would
 * read as syntax are backslash-escaped (an escaped ASCII punctuation mark renders as itself).
 */
export function escapeMdx(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`)
        .replace(/&(?=#?\w+;)/g, '\\&')
        // Line starts that Markdown reads as a heading, list, quote or numbered list.
        .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)(#+)/, (_, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`)
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
        // A setext underline would make the line above a heading.
        .replace(/^(\s*)=/, '$1\\=')
        // MDX reads a line that begins "import" or "export" as code: the first letter as a
        // character reference renders the same word and is never code.
        .replace(/^(\s*)(i)(?=mport\b)|^(\s*)(e)(?=xport\b)/, (_, s1: string | undefined, i: string | undefined, s2: string | undefined) =>
          i ? `${s1}&#105;` : `${s2}&#101;`),
    )
    .join('\n');
}

/** Words a name may hold in lower case: "Anna van der Berg", "Ali bin Said". */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'y']);

/** A line that reads as a person's name: two to five words, each capitalised but for particles. */
function looksLikeName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_PARTICLES.has(w) || /^\p{Lu}[\p{L}’'.-]*$/u.test(w));
}

/**
 * The author block at the end of a text, in either shape sources arrive in: the name on the line
 * above the note, in one block; or the name alone in its block and the note in the next. The
 * second is told from a closing section (a heading, then its text) by the note naming the
 * author: their family name, or "He", "She", "They" to begin.
 */
function authorBlock(blocks: readonly string[]): { name: string; note: string; blocks: number } | undefined {
  const last = blocks.at(-1);
  if (!last) return undefined;
  const [first = '', ...rest] = last.split('\n');
  if (rest.length > 0 && isHeading(first.trim())) return { name: first.trim(), note: rest.join(' '), blocks: 1 };
  const above = blocks.at(-2);
  if (above === undefined || above.includes('\n') || !looksLikeName(above)) return undefined;
  const family = above.trim().split(/\s+/).at(-1)!;
  const namesAuthor = new RegExp(`(^|[^\\p{L}])${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(last) || /^(He|She|They)\b/.test(last);
  return namesAuthor ? { name: above.trim(), note: last, blocks: 2 } : undefined;
}

export function importArticle(text: string): ImportedArticle {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const todo: string[] = [];
  let author: ImportedArticle['author'];
  const found = authorBlock(blocks);
  if (found) {
    blocks.splice(blocks.length - found.blocks);
    author = { id: slugify(found.name), name: found.name, note: escapeMdx(found.note.replace(/\s+/g, ' ').trim()) };
  } else {
    todo.push('author: no author block found at the end; add content/authors/<id>.mdx and set author in article.yaml');
  }

  const sections: ImportedSection[] = [];
  let current: { title?: string; blocks: string[] } = { blocks: [] };
  const usedIds = new Set<string>();
  let figures = 0;
  const close = () => {
    if (current.blocks.length === 0 && current.title === undefined) return;
    const base = current.title ? slugify(current.title) || `section-${sections.length + 1}` : sections.length === 0 ? 'opening' : `section-${sections.length + 1}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    if (!SLUG.test(id)) todo.push(`section ${sections.length + 1}: the id "${id}" is not a slug; choose one`);
    sections.push({ id, title: current.title, order: sections.length + 1, body: current.blocks.join('\n\n') });
  };
  for (const block of blocks) {
    if (block === FIGURE_MARK) {
      figures++;
      current.blocks.push(`<Figure name="figure-${figures}" />`);
    } else if (isHeading(block)) {
      close();
      current = { title: block, blocks: [] };
    } else {
      current.blocks.push(escapeMdx(block));
    }
  }
  close();
  for (const section of sections) if (section.body === '') todo.push(`section "${section.id}": it has a heading but no text`);
  if (figures > 0) {
    todo.push(`figures: ${figures} placeholder(s) <Figure name="figure-N" /> show an editor's note until a figure with that name is drawn for this edition`);
  }
  todo.push('article.yaml: fill in title, publisher, published (quoted, to its precision), original and description');
  return { sections, author, todo };
}

/** One section's file: frontmatter, then the body. */
export function sectionSource(section: ImportedSection, article: string): string {
  const lines = ['---', `id: ${section.id}`];
  if (section.title !== undefined) lines.push(`title: ${JSON.stringify(section.title)}`);
  lines.push(`order: ${section.order}`, `article: ${article}`, '---', section.body, '');
  return lines.join('\n');
}

/** The section's file name: `01-opening.mdx`. */
export function sectionFileName(section: ImportedSection): string {
  return `${String(section.order).padStart(2, '0')}-${section.id}.mdx`;
}

/** A metadata stub whose empty fields the build reports, by name, until they are filled in. */
export function articleYamlStub(author: string | undefined): string {
  return [
    '# Filled in by `npm run import`: complete every empty field (the build names any left empty).',
    'title: ""',
    `author: ${author ?? '""'}`,
    'publisher: ""',
    '# Quoted, to the precision the source gives: "2018", "2018-10" or "2018-10-19".',
    'published: ""',
    'original: ""',
    'description: ""',
    '',
  ].join('\n');
}
