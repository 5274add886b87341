import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMdx, importArticle, sectionFileName, sectionSource } from '../../../src/lib/content/import-article.ts';

const ARTICLE = 'south-korea-prepares-future-without-us';
const folder = join('content', 'articles', ARTICLE);
/** Figures are named when this edition draws them; the import leaves numbered placeholders. */
const unnamedFigures = (text: string) => text.replace(/<Figure name="[^"]+" \/>/g, '<Figure />');

describe('npm run import', () => {
  it('turns tests/fixtures/article.txt into exactly today’s three sections', () => {
    const imported = importArticle(readFileSync('tests/fixtures/article.txt', 'utf8'));
    const today = readdirSync(folder).filter((f) => f.endsWith('.mdx')).sort();
    expect(imported.sections.map(sectionFileName)).toEqual(today);
    for (const section of imported.sections) {
      const file = readFileSync(join(folder, sectionFileName(section)), 'utf8');
      expect(unnamedFigures(sectionSource(section, ARTICLE)).trimEnd(), section.id).toBe(unnamedFigures(file).trimEnd());
    }
    const author = readFileSync(join('content', 'authors', 'phillip-orchard.mdx'), 'utf8');
    expect(imported.author).toEqual({ id: 'phillip-orchard', name: 'Phillip Orchard', note: author.split('---\n')[2]!.trim() });
    expect(imported.todo.join('\n')).toMatch(/figures: 2 placeholder/);
    expect(imported.todo.join('\n')).toMatch(/article\.yaml: fill in title/);
  });

  it('escapes what MDX or Markdown would read as syntax, and nothing else', () => {
    expect(escapeMdx('Costs {rose} by <5% and *fell* _twice_ [sic] a|b ~x~ `c`')).toBe(
      'Costs \\{rose\\} by \\<5% and \\*fell\\* \\_twice\\_ \\[sic\\] a\\|b \\~x\\~ \\`c\\`',
    );
    expect(escapeMdx('# not a heading\n- not a list\n1986. A year\n> not a quote')).toBe('\\# not a heading\n\\- not a list\n1986\\. A year\n\\> not a quote');
    expect(escapeMdx('The U.S. – “quoted” and it’s fine.')).toBe('The U.S. – “quoted” and it’s fine.');
    expect(escapeMdx('AT&amp;T')).toBe('AT\\&amp;T');
  });

  it('gives an untitled opening the id "opening" and numbers repeated headings apart', () => {
    const { sections } = importArticle('First words here.\n\nPart One\n\nText one.\n\nPart One\n\nText two.');
    expect(sections.map((s) => [s.id, s.title, s.order])).toEqual([
      ['opening', undefined, 1],
      ['part-one', 'Part One', 2],
      ['part-one-2', 'Part One', 3],
    ]);
  });

  it('finds the author block in both shapes: the name over the note, or the name in a block of its own above it', () => {
    const text = readFileSync('tests/fixtures/article.txt', 'utf8').trimEnd();
    const separate = text.replace(/\nPhillip Orchard\n/, '\nPhillip Orchard\n\n');
    expect(separate).not.toBe(text);
    const together = importArticle(text);
    const apart = importArticle(separate);
    expect(apart.author).toEqual(together.author);
    expect(apart.sections.map(sectionFileName)).toEqual(together.sections.map(sectionFileName));
    expect(apart.todo.join('\n')).not.toMatch(/no author block/);
    // A closing section whose text does not name its heading stays a section: nothing is taken as an author.
    const closing = importArticle('First words here.\n\nLooking Ahead\n\nThe alliance will change.');
    expect(closing.author).toBeUndefined();
    expect(closing.sections.map((s) => s.title)).toEqual([undefined, 'Looking Ahead']);
    expect(importArticle('Words.\n\nAnna van der Berg\n\nShe writes on trade.').author).toEqual({ id: 'anna-van-der-berg', name: 'Anna van der Berg', note: 'She writes on trade.' });
  });
});
