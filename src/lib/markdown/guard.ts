/**
 * Content is text unless an editor declares otherwise. The first step of the one Markdown
 * pipeline, so every file the build reads as Markdown or MDX (sections, author notes) passes it
 * before anything is compiled, and nothing in a content file can become code:
 * - MDX's `import`/`export` lines (ESM), `{expressions}` and any element but the components a
 *   section may use (`SECTION_COMPONENTS`), with literal attribute values only, are refused;
 * - raw HTML in a Markdown file is refused rather than filtered: the words are the text, and GFM
 *   already writes every structure an analysis needs (tables, lists, quotes, notes), so an
 *   allow-list would only be a second, weaker way to write the same things;
 * - a link or image to anything but an http(s) address or a path of this site is refused.
 * Each refusal names the file, the line and column, and the fix.
 */
import type { Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { ContentError, type Problem } from '../content/rules.ts';
import { SLUG } from '../content/ids.ts';

/** The components a section may use, and the attributes each takes (literal strings, checked by pattern). */
export const SECTION_COMPONENTS: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  Figure: { name: SLUG },
};

/** The scheme of a URL as a browser reads it (tabs and newlines dropped), or undefined for a path. */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Whether content may link to this address: http(s), or a path or fragment of this site. */
export function isAllowedUrl(url: string): boolean {
  const scheme = urlScheme(url);
  // Without a scheme it is a path, unless it starts "//" (another host, as browsers read it).
  if (scheme === undefined) return !/^[\u0000-\u0020]*[/\\]{2}/.test(url.replace(/[\t\n\r]/g, ''));
  return scheme === 'http' || scheme === 'https';
}

interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string };
}

interface Positioned {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: MdxAttribute[];
  position?: { start: { line: number; column: number } };
}

const FIX = {
  esm: 'a line that begins with "import" or "export" is read as code: if these are the text’s words, write the first letter as a character reference (&#105;mport, &#101;xport); `npm run import` does this for you',
  expression: 'braces are read as a JavaScript expression: write \\{ and \\} to show them',
  html: 'raw HTML is not allowed in content: write it in Markdown (GFM has tables, lists, quotes and notes), or write \\< to show a “less than” sign',
  url: 'links may point only to http(s) addresses or to paths of this site: remove the link or give it an https:// address',
};

function describeElement(name: string | null | undefined): string {
  return name ? `<${name}>` : 'a fragment (<>)';
}

/** Every reason the tree must not be compiled, at its line and column. */
export function guardProblems(tree: Root, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Positioned, message: string) =>
    problems.push({ file, field: `line ${node.position?.start.line ?? 0}, column ${node.position?.start.column ?? 0}`, message });
  visitParents(tree, (node) => {
    const n = node as unknown as Positioned;
    switch (n.type) {
      case 'mdxjsEsm':
        at(n, `import/export: ${FIX.esm}`);
        return 'skip';
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        at(n, `"{": ${FIX.expression}`);
        return 'skip';
      case 'html':
        at(n, `"<": ${FIX.html}`);
        return 'skip';
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const allowed = n.name ? SECTION_COMPONENTS[n.name] : undefined;
        if (!allowed) {
          const known = Object.keys(SECTION_COMPONENTS).map((c) => `<${c} />`).join(', ');
          at(n, `${describeElement(n.name)} is markup, not text: the only components content may use are ${known}; write \\< to show a “less than” sign`);
          return 'skip';
        }
        for (const attribute of n.attributes ?? []) {
          const name = attribute.name ?? '{…}';
          const pattern = attribute.type === 'mdxJsxAttribute' && attribute.name ? allowed[attribute.name] : undefined;
          if (!pattern) {
            at(n, `<${n.name}> takes ${Object.keys(allowed).map((a) => `${a}="…"`).join(', ')}, not ${name}: remove it`);
          } else if (typeof attribute.value !== 'string') {
            at(n, `<${n.name} ${name}>: ${name} must be a quoted value such as ${name}="figure-1", not an expression`);
          } else if (!pattern.test(attribute.value)) {
            at(n, `<${n.name} ${name}="${attribute.value}">: not a valid ${name}; use lowercase letters, digits and single hyphens`);
          }
        }
        return undefined;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (n.url !== undefined && !isAllowedUrl(n.url)) at(n, `"${n.url}": ${FIX.url}`);
        return undefined;
      default:
        return undefined;
    }
  });
  return problems;
}

/** The remark step: refuse the file, before anything else compiles it, if any of it would be code. */
export default function remarkContentGuard() {
  return (tree: Root, file: VFile) => {
    const problems = guardProblems(tree, file.path || 'content');
    if (problems.length > 0) throw new ContentError(problems);
  };
}
