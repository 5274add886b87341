/**
 * The one Markdown pipeline (`src/lib/markdown/pipeline.ts`) over a section, as the content layer
 * calls it: where each mark lands, what "paragraph n" means whatever blocks a section holds, the
 * words quoted around a mark, the lead used for previews, how notes are numbered, and the message
 * when a phrase cannot be marked.
 */
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/content/rules.ts';
import { compileNote, compileSection, splitAtFigures } from '../../../src/lib/markdown/pipeline.ts';
import { placeMentions } from '../../../src/lib/markdown/mentions.ts';

const mention = (section: string, phrase: string) => ({ article: 'a', section, phrase });
const placed = placeMentions([
  { kind: 'event', id: 'toll', file: 'events/toll.yaml', title: 'Toll', mentions: [mention('two', 'the toll rose'), mention('two', 'ships in the cell'), mention('bad', 'nowhere')] },
  { kind: 'issue', id: 'harbour', file: 'issues/harbour.yaml', title: 'Harbour', mentions: [mention('two', 'listed harbour'), mention('two', 'quoted words'), mention('three', 'the toll rose')] },
]);

/** Compile a section as the content layer does: the article's first section had one note. */
async function compile(section: string, body: string) {
  const { html, outline } = await compileSection(body, { file: `articles/a/${section}.mdx`, id: section, label: 'Two', noteOffset: 1, mentions: placed.get(`a/${section}`) ?? [] });
  return { code: html, digest: outline };
}

const body = `Dr. Smith said that in May the toll rose by a third.[^n] Then the ships left.

| Port | Note |
| --- | --- |
| North | Few ships in the cell today |

- A listed harbour item
- Another

> Some quoted words here.

Last paragraph.

[^n]: The note.`;

describe('the Markdown pipeline places marks once, and says where', () => {
  it('records every mark in reading order, with "¶n" only for top-level paragraphs', async () => {
    const { digest } = await compile('two', body);
    expect(digest.marks.map((m) => [m.markId, m.paragraph])).toEqual([
      ['mark-event-toll-1', 1],
      ['mark-event-toll-2', undefined],
      ['mark-issue-harbour-1', undefined],
      ['mark-issue-harbour-2', undefined],
    ]);
  });

  it('gives each annotation one letter, in the order the section first mentions it, on its marks too', async () => {
    const { digest, code } = await compile('two', body);
    expect(digest.marks.map((m) => m.note)).toEqual(['a', 'a', 'b', 'b']);
    expect(code.match(/data-note="[ab]"/g)).toHaveLength(4);
  });

  it('numbers paragraphs as the page ids do: tables, lists and quotes are not paragraphs', async () => {
    const { code } = await compile('two', body);
    expect(code).toContain('two-p1');
    expect(code).toContain('two-p2');
    expect(code).not.toContain('two-p3');
  });

  it('quotes the words around a mark from its own block, as plain text without ¶ or note numbers', async () => {
    const { digest } = await compile('two', body);
    const quote = (id: string) => digest.marks.find((m) => m.markId === id)!.quote;
    expect(quote('mark-event-toll-1')).toEqual({ before: 'Dr. Smith said that in May ', phrase: 'the toll rose', after: ' by a third. Then the ships left.' });
    // A table cell: the cell's words, not the whole table's pipes and headers.
    expect(quote('mark-event-toll-2')).toEqual({ before: 'Few ', phrase: 'ships in the cell', after: ' today' });
    expect(quote('mark-issue-harbour-1')).toEqual({ before: 'A ', phrase: 'listed harbour', after: ' item' });
    expect(quote('mark-issue-harbour-2')).toEqual({ before: 'Some ', phrase: 'quoted words', after: ' here.' });
  });

  it('keeps the first paragraph’s words for previews, without the ¶ link or note number', async () => {
    const { digest } = await compile('two', body);
    expect(digest.lead).toBe('Dr. Smith said that in May the toll rose by a third. Then the ships left.');
  });

  it('numbers notes after those of the article’s earlier sections', async () => {
    const { code } = await compile('two', body);
    expect(code).toContain('two-fn-2');
    expect(code).not.toContain('two-fn-1"');
  });

  it('fails naming the annotation’s file and field when words are missing, repeated or overlapping', async () => {
    const error = await compile('three', 'Nothing of the kind here.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([
      { file: 'issues/harbour.yaml', field: 'mentions[2].phrase', message: expect.stringMatching(/^"the toll rose" is not in section "three": copy the words exactly/) },
    ]);
    const repeated = await compile('three', 'Once the toll rose, twice the toll rose.').catch((e: unknown) => e);
    expect((repeated as ContentError).problems[0]?.message).toMatch(/occurs 2 times in section "three": quote more words/);
  });
});

describe('the pipeline', () => {
  it('counts the notes a section renders, for the sections after it', async () => {
    const { digest } = await compile('two', body);
    expect(digest.notes).toBe(1);
  });

  it('leaves a placeholder where a figure stands, for the page to fill, and lists it', async () => {
    const { code, digest } = await compile('five', 'Before.\n\n<Figure name="the-chart" />\n\nAfter.');
    expect(digest.figures).toEqual(['the-chart']);
    expect(splitAtFigures(code)).toEqual([{ html: expect.stringContaining('Before.') }, { figure: 'the-chart' }, { html: expect.stringContaining('After.') }]);
  });

  it('names the file’s own line for a mistake below the frontmatter', async () => {
    const error = await compileSection('\nPrices {rose}.', { file: 'articles/a/six.mdx', id: 'six', label: 'Six', noteOffset: 0, mentions: [] }, 5).catch((e: unknown) => e);
    expect((error as ContentError).problems[0]).toMatchObject({ file: 'articles/a/six.mdx', field: 'line 7, column 8' });
  });

  it('compiles an author note with the same checks and Markdown, and nothing of a section’s', async () => {
    expect(await compileNote('Ann writes *well*.', 'authors/ann.mdx')).toBe('<p>Ann writes <em>well</em>.</p>');
    const error = await compileNote('Ann {writes}.', 'authors/ann.mdx', 3).catch((e: unknown) => e);
    expect((error as ContentError).problems[0]).toMatchObject({ file: 'authors/ann.mdx', field: 'line 4, column 5' });
  });
});
