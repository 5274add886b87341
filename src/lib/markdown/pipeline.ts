/**
 * The one Markdown pipeline, defined once. The content layer (`content/publication.ts`) compiles
 * every section and author note with it, once, into HTML and what the marks need; `npm run check`
 * is that same content layer, so the two can never disagree. Sections are MDX files, parsed as MDX
 * (`remark-mdx`, the parser MDX tooling uses); `.md` files as Markdown.
 *
 * 1. Prose MDX would misread (a raw `{` or `<`) is refused with line, column and fix (`pitfalls.ts`).
 * 2. Parsed, then refused if any of it would be code (`guard.ts`); `<Figure name="…" />` becomes a
 *    placeholder the page fills with the figure (`FIGURE_SLOT`).
 * 3. GFM (tables, footnotes, strikethrough, task lists, autolinks); no typographic rewriting:
 *    the text is rendered exactly as the editor typed it.
 * 4. For a section: notes numbered across the article, sub-heading ids, tables in their own
 *    scrolling box (`rehype-structure.ts`); heading anchors (`anchor.ts`); paragraph ids and the
 *    marks, with the section's outline (`rehype-marks.ts`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { toString } from 'hast-util-to-string';
import { unified, type Processor } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { VFile } from 'vfile';
import { ContentError, type Problem } from '../content/rules.ts';
import { anchorContent, anchorProperties, sectionHeadGroup } from './anchor.ts';
import remarkContentGuard from './guard.ts';
import type { PlacedMention, SectionOutline } from './mentions.ts';
import { mdxPitfalls } from './pitfalls.ts';
import rehypeMarks from './rehype-marks.ts';
import rehypeStructure from './rehype-structure.ts';

/** What the pipeline needs to know of a section besides its words. */
export interface SectionInput {
  /** The section's file, as messages name it. */
  file: string;
  id: string;
  /** How the section is named (its title, or "Opening"): for its notes' and tables' labels. */
  label: string;
  /** How many notes the article's sections before this one render. */
  noteOffset: number;
  /** The annotations' mentions to mark in it. */
  mentions: readonly PlacedMention[];
}

export interface CompiledSection {
  html: string;
  outline: SectionOutline;
}

/**
 * Where a `<Figure name="…" />` stood: an empty element in the compiled HTML that the page
 * replaces with the figure. Never in a page: `splitAtFigures` takes it out.
 */
export const FIGURE_SLOT = /<template data-figure="([a-z0-9-]+)"><\/template>/g;

/** The compiled HTML as text and figures, in order, for the page to render. */
export function splitAtFigures(html: string): Array<{ html: string } | { figure: string }> {
  const parts: Array<{ html: string } | { figure: string }> = [];
  let at = 0;
  for (const match of html.matchAll(FIGURE_SLOT)) {
    if (match.index > at) parts.push({ html: html.slice(at, match.index) });
    parts.push({ figure: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < html.length) parts.push({ html: html.slice(at) });
  return parts;
}

/** `<Figure name="…" />` (checked by the guard) → the placeholder element. */
function remarkFigureSlots() {
  return (tree: MdastRoot, file: VFile) => {
    const figures: string[] = [];
    visitParents(tree, (node, ancestors) => {
      const jsx = node as { type: string; name?: string; attributes?: Array<{ name?: string; value?: unknown }> };
      if ((jsx.type !== 'mdxJsxFlowElement' && jsx.type !== 'mdxJsxTextElement') || jsx.name !== 'Figure') return undefined;
      const name = String(jsx.attributes?.find((a) => a.name === 'name')?.value ?? '');
      figures.push(name);
      const parent = ancestors.at(-1) as { children: RootContent[] };
      const slot = { type: 'figureSlot', data: { hName: 'template', hProperties: { dataFigure: name } }, children: [] } as unknown as RootContent;
      parent.children[parent.children.indexOf(node as RootContent)] = slot;
      return 'skip';
    });
    (file.data as { figures?: string[] }).figures = figures;
  };
}

/** The steps every content file takes from its words to a tree of HTML. */
function base(mdx: boolean) {
  const parse = unified().use(remarkParse);
  return (mdx ? parse.use(remarkMdx) : parse)
    .use(remarkContentGuard)
    .use(remarkFigureSlots)
    .use(remarkGfm, { singleTilde: false })
    // The footnote's way back is drawn by the style sheet (↩), as the permalinks are: reading
    // modes that drop styles show no glyph; the link keeps its name ("Back to reference 1").
    .use(remarkRehype, { footnoteBackContent: () => [] });
}

const sectionSteps = (mdx: boolean) =>
  base(mdx)
    // First: section-prefixed ids for notes and sub-headings, which the next steps keep.
    .use(rehypeStructure)
    .use(rehypeHeadingIds)
    .use(rehypeAutolinkHeadings, {
      behavior: 'after',
      // A notes label is for screen readers only: it gets no visible anchor.
      test: (heading) => !String(heading.properties?.['className'] ?? '').includes('visually-hidden'),
      group: sectionHeadGroup,
      properties: (heading) => anchorProperties(toString(heading)),
      content: anchorContent,
    })
    .use(rehypeMarks)
    .use(rehypeStringify)
    .freeze();

const processors = {
  section: { mdx: sectionSteps(true), md: sectionSteps(false) },
  note: { mdx: base(true).use(rehypeStringify).freeze(), md: base(false).use(rehypeStringify).freeze() },
};

const isMdx = (file: string) => file.endsWith('.mdx');

/** A parser's or compiler's own message (an unclosed tag, say), as a problem at its place in the file. */
function asProblems(error: unknown, file: string): Problem[] {
  if (error instanceof ContentError) return [...error.problems];
  const place = error as { line?: number; column?: number; reason?: string; message?: string };
  const field = place.line ? `line ${place.line}, column ${place.column ?? 1}` : 'body';
  return [{ file, field, message: `${place.reason ?? place.message ?? String(error)}: write the text as Markdown (\\{ and \\< show the characters themselves)` }];
}

/**
 * Run `processor` over a file's body, refusing first what MDX would misread. `lines` is how many
 * lines of the file come before the body (its frontmatter), so messages name the file's own lines.
 */
async function run(processor: Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>, body: string, file: VFile, lines: number): Promise<string> {
  const padded = '\n'.repeat(lines) + body;
  if (isMdx(file.path)) {
    const pitfalls = mdxPitfalls(padded);
    if (pitfalls.length > 0) {
      throw new ContentError(pitfalls.map((p) => ({ file: file.path, field: `line ${p.line}, column ${p.column}`, message: `"${p.character}": ${p.fix}` })));
    }
  }
  file.value = padded;
  try {
    return String(await processor.process(file));
  } catch (error) {
    throw new ContentError(asProblems(error, file.path));
  }
}

/**
 * A section's HTML, with its marks, anchors and notes, and its outline. Throws a `ContentError`
 * naming the file, the line or the annotation's field, and the fix.
 */
export async function compileSection(body: string, input: SectionInput, frontmatterLines = 0): Promise<CompiledSection> {
  const file = new VFile({ path: input.file, data: { section: input } });
  const html = await run(processors.section[isMdx(input.file) ? 'mdx' : 'md'], body, file, frontmatterLines);
  const data = file.data as { outline?: Omit<SectionOutline, 'notes' | 'figures'>; notes?: number; figures?: string[] };
  return { html, outline: { lead: data.outline?.lead ?? '', marks: data.outline?.marks ?? [], notes: data.notes ?? 0, figures: data.figures ?? [] } };
}

/** An author's note as HTML: the same checks and Markdown, none of a section's numbering or marks. */
export async function compileNote(body: string, path: string, frontmatterLines = 0): Promise<string> {
  return run(processors.note[isMdx(path) ? 'mdx' : 'md'], body, new VFile({ path }), frontmatterLines);
}

let codeVersion: Promise<string> | undefined;

/**
 * What shapes a compiled section besides its inputs: this folder's modules and every installed
 * package's version. Part of each section's digest, so a change to the pipeline recompiles all.
 */
export function pipelineVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const modules = (await readdir(dir)).filter((name) => name.endsWith('.ts')).sort();
    const hash = createHash('sha256');
    for (const name of modules) hash.update(name).update(await readFile(`${dir}${name}`));
    hash.update(await readFile(fileURLToPath(new URL('../../../package-lock.json', import.meta.url))));
    return hash.digest('hex').slice(0, 16);
  })();
  return codeVersion;
}
