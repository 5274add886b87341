/**
 * Characters that MDX reads as code, found in a section's prose before MDX sees them, so the
 * editor gets the file, the line, the character and the fix, instead of a parser error that
 * points at the end of the paragraph. Prose is everything outside component lines
 * (`<Figure … />`), code spans and code fences.
 */
import { readFileSync } from 'node:fs';

export interface Pitfall {
  line: number;
  column: number;
  character: string;
  fix: string;
}

const FIXES: Record<string, string> = {
  '{': 'write \\{ to show a brace (MDX reads { as the start of a JavaScript expression)',
  '}': 'write \\} to show a brace (MDX reads } as the end of a JavaScript expression)',
  '<': 'write \\< to show a “less than” sign (MDX reads < as the start of a tag)',
};

export function mdxPitfalls(source: string): Pitfall[] {
  const pitfalls: Pitfall[] = [];
  let fenced = false;
  source.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    // Frontmatter, fences, components (<Capitalised …>) and ESM lines are not prose.
    if (fenced || /^\s*(<[A-Z][\w.]*[\s/>]|<\/[A-Z]|import\s|export\s)/.test(text)) return;
    const prose = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (let at = 0; at < prose.length; at++) {
      const c = prose[at]!;
      if (!(c in FIXES) || prose[at - 1] === '\\') continue;
      // "<" before a space, digit or "=" is not read as a tag; an autolink <https://…> is fine.
      if (c === '<' && (/[\s\d=]/.test(prose[at + 1] ?? ' ') || /^<https?:\/\/[^>\s]+>/.test(prose.slice(at)))) continue;
      pitfalls.push({ line: index + 1, column: at + 1, character: c, fix: FIXES[c]! });
    }
  });
  return pitfalls;
}

/** The section body starts after its frontmatter: line numbers count from the top of the file. */
export function mdxPitfallsInFile(fileSource: string): Pitfall[] {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(fileSource)?.[0] ?? '';
  const offset = frontmatter.split('\n').length - 1;
  return mdxPitfalls(fileSource.slice(frontmatter.length)).map((p) => ({ ...p, line: p.line + offset }));
}

/** "file: line L, column C: "{": fix" for every pitfall in a section file's source. */
export function pitfallsIn(file: string, source: string): string[] {
  return mdxPitfallsInFile(source).map((p) => `${file}: line ${p.line}, column ${p.column}: "${p.character}": ${p.fix}`);
}

/** The same, for section files read from disk. */
export function pitfallMessages(files: readonly string[]): string[] {
  return files.flatMap((file) => pitfallsIn(file, readFileSync(file, 'utf8')));
}
