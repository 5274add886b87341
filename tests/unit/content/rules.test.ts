import { describe, expect, it } from 'vitest';
import { checkContent, ContentError, formatProblem, type SectionRecord } from '../../../src/lib/content/rules.ts';

const authors = [{ id: 'ann', file: 'authors/ann.mdx' }];
const articles = [{ id: 'tiny', file: 'articles/tiny/article.yaml', author: 'ann' }];
const section = (over: Partial<SectionRecord> = {}): SectionRecord => ({
  file: 'articles/tiny/01.mdx',
  id: 'first',
  order: 1,
  article: 'tiny',
  aliases: [],
  body: 'Text.',
  ...over,
});

describe('content rules', () => {
  it('passes consistent content', () => {
    expect(checkContent({ authors, articles, sections: [section(), section({ file: 'b', id: 'second', order: 2 })] })).toEqual([]);
  });

  it('names file, field and fix for an unknown author', () => {
    const [problem] = checkContent({ authors, articles: [{ ...articles[0]!, author: 'bob' }], sections: [section()] });
    expect(formatProblem(problem!)).toBe(
      'articles/tiny/article.yaml: author: no author "bob"; known authors: "ann". Fix the id or add content/authors/bob.mdx',
    );
  });

  it('catches a section that refers to an unknown article', () => {
    const problems = checkContent({ authors, articles, sections: [section(), section({ file: 'x.mdx', id: 'x', order: 2, article: 'tyni' })] });
    expect(problems).toEqual([expect.objectContaining({ file: 'x.mdx', field: 'article', message: expect.stringContaining('"tiny"') })]);
  });

  it('catches duplicate ids, aliases that collide with ids, and duplicate order', () => {
    const problems = checkContent({
      authors,
      articles,
      sections: [
        section(),
        section({ file: 'b.mdx', id: 'first', order: 2 }),
        section({ file: 'c.mdx', id: 'third', order: 2, aliases: ['first'] }),
      ],
    });
    expect(problems.map((p) => `${p.file}:${p.field}`)).toEqual(['b.mdx:id', 'c.mdx:aliases', 'c.mdx:order']);
    expect(problems[0]!.message).toContain('already used by articles/tiny/01.mdx');
  });

  it('catches an empty body and an article with no sections', () => {
    expect(checkContent({ authors, articles, sections: [section({ body: '  \n' })] })).toEqual([
      expect.objectContaining({ field: 'body' }),
    ]);
    expect(checkContent({ authors, articles, sections: [] })).toEqual([expect.objectContaining({ field: 'sections' })]);
  });

  it('reports every problem at once', () => {
    const error = new ContentError(checkContent({ authors, articles: [{ ...articles[0]!, author: 'x' }], sections: [section({ body: '' })] }));
    expect(error.message).toMatch(/Content problems \(2\)/);
  });
});
