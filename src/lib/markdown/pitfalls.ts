/**
 * Characters that MDX reads as code, found in a section's prose before MDX sees them, so the
 * editor gets the file, the line, the character and the fix, instead of a parser error that
 * points at the end of the paragraph. Prose is everything outside component lines
 * (`<Figure … />`), code spans and code fences.
 */
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
