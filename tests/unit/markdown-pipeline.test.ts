/**
 * The build's own Markdown pipeline (`src/lib/markdown.ts`) over sections whose mentions come, as
 * in the build, from collections published through `published()`: where each mark lands, what
 * "paragraph n" means whatever blocks a section holds, the words quoted around a mark, the lead
 * used for previews, and the build's message when a phrase cannot be marked.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { beforeAll, describe, expect, it } from 'vitest';
import { published, type RegistryEntry } from '../../src/lib/content-registry.ts';
import { ContentError } from '../../src/lib/content-rules.ts';
import { sectionCompiler } from '../../src/lib/markdown.ts';
import type { SectionDigest } from '../../src/lib/mentions.ts';

/** Publish entries the way a collection's loader does after validation. */
async function publish(collection: string, entries: RegistryEntry[]): Promise<void> {
  const store = new Map(entries.map((e) => [e.id, e]));
  const loader = published({ name: 'fixture', load: async () => undefined });
  await loader.load({ collection, store } as unknown as LoaderContext);
}

const mention = (section: string, phrase: string) => ({ article: 'a', section, phrase });

beforeAll(async () => {
  await publish('sections', [
    { id: 'a/one', data: { id: 'one', order: 1, article: { id: 'a' } }, body: 'Note one.[^x]\n\n[^x]: A note.' },
    { id: 'a/two', data: { id: 'two', order: 2, article: { id: 'a' } }, body: '' },
  ]);
  await publish('events', [
    {
      id: 'toll',
      filePath: 'events/toll.yaml',
      data: { title: 'Toll', mentions: [mention('two', 'the toll rose'), mention('two', 'ships in the cell'), mention('bad', 'nowhere')] },
    },
  ]);
  await publish('issues', [
    { id: 'harbour', filePath: 'issues/harbour.yaml', data: { name: 'Harbour', mentions: [mention('two', 'listed harbour'), mention('two', 'quoted words'), mention('three', 'the toll rose')] } },
  ]);
});

/** Compile a section as the build does; the digest is read from the module's `frontmatter` export, as pages read it. */
async function compile(section: string, body: string): Promise<{ digest: SectionDigest; code: string }> {
  const renderer = await sectionCompiler(pathToFileURL(`${process.cwd()}/src/`));
  const { code } = await renderer.process(body, `articles/a/${section}.mdx`, { id: section, order: 2, article: 'a', title: 'Two' });
  const exported = /^export const frontmatter = (\{[\s\S]*?\n\});$/m.exec(code)?.[1];
  return { digest: (JSON.parse(exported ?? '{}') as { digest: SectionDigest }).digest, code };
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
    expect(code.match(/"data-note": "[ab]"/g)).toHaveLength(4);
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

describe('compiled sections are kept between builds', () => {
  it('reuses a compiled section until something it depends on changes: its text, or a mention in it', async () => {
    const previous = process.env['BUILD_CACHE_DIR'];
    process.env['BUILD_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'sections-'));
    const kept = () => readdirSync(join(process.env['BUILD_CACHE_DIR']!, 'sections')).length;
    try {
      const text = 'Only the toll rose here, and the ships left.';
      await compile('four', text);
      await compile('four', text);
      expect(kept()).toBe(1);
      await compile('four', `${text} More.`);
      expect(kept()).toBe(2);
      // An annotation now marks words in this section: the kept copy no longer fits, so it is compiled again.
      await publish('events', [{ id: 'toll', filePath: 'events/toll.yaml', data: { title: 'Toll', mentions: [mention('four', 'the toll rose')] } }]);
      const { digest } = await compile('four', text);
      expect(kept()).toBe(3);
      expect(digest.marks.map((m) => m.markId)).toEqual(['mark-event-toll-1']);
    } finally {
      if (previous === undefined) delete process.env['BUILD_CACHE_DIR'];
      else process.env['BUILD_CACHE_DIR'] = previous;
    }
  });
});
