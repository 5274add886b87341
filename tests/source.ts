/** The source article, split the way its author wrote it: blocks separated by blank lines. */
import { readFileSync } from 'node:fs';

export const FIGURE_MARK = '(click to enlarge)';

export interface SourceArticle {
  /** Paragraphs and headings of the body, in order; figure marks removed. */
  body: Array<{ kind: 'heading' | 'paragraph'; text: string }>;
  authorName: string;
  authorNote: string;
  figureMarks: number;
}

export function readSource(path = 'tests/fixtures/article.txt'): SourceArticle {
  const blocks = readFileSync(path, 'utf8').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const last = blocks.pop()!;
  const [authorName = '', ...note] = last.split('\n');
  const body = blocks
    .filter((b) => b !== FIGURE_MARK)
    .map((text) => ({
      // A heading is a short line with no sentence punctuation at its end.
      kind: text.length < 80 && !/[.?!:”’)]$/.test(text) ? ('heading' as const) : ('paragraph' as const),
      text,
    }));
  return { body, authorName, authorNote: note.join(' '), figureMarks: blocks.filter((b) => b === FIGURE_MARK).length };
}
