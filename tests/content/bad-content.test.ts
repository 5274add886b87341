import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';

beforeAll(() => mkdirSync('.tmp', { recursive: true }));

const root = 'tests/fixtures/bad-content';

/** Each case: the build fails, and the message names the file, the field and what to do. */
const cases: Array<{ name: string; file: string; field: string; fix: RegExp }> = [
  { name: 'missing-title', file: 'articles/tiny/article.yaml', field: 'title', fix: /required: add the article title/ },
  { name: 'duplicate-section-id', file: 'articles/tiny/02-second.mdx', field: 'id', fix: /"first" is already used by .*01-first\.mdx.*choose another/ },
  { name: 'duplicate-alias', file: 'articles/tiny/02-second.mdx', field: 'aliases', fix: /"first" is already used by .*01-first\.mdx.*choose another/ },
  { name: 'duplicate-order', file: 'articles/tiny/02-second.mdx', field: 'order', fix: /give each section of an article its own number/ },
  { name: 'unknown-article', file: 'articles/tiny/02-second.mdx', field: 'article', fix: /no article "tiny-typo"; known articles: "tiny"/ },
  { name: 'unknown-author', file: 'articles/tiny/article.yaml', field: 'author', fix: /no author "bob-author".*add content\/authors\/bob-author\.mdx/ },
  { name: 'rolled-over-date', file: 'articles/tiny/article.yaml', field: 'published', fix: /"2018-02-30" does not exist: February 2018 has 28 days/ },
  { name: 'unquoted-date', file: 'articles/tiny/article.yaml', field: 'published', fix: /quoted date/ },
  { name: 'empty-section-body', file: 'articles/tiny/02-second.mdx', field: 'body', fix: /put its paragraphs below the frontmatter/ },
  { name: 'route-collision', file: 'articles/events/article.yaml', field: 'folder name', fix: /"\/events\/" is already written by src\/pages\/events\.astro: rename the article's folder/ },
  { name: 'derived-id-collision', file: 'articles/tiny/02-second.mdx', field: 'id', fix: /"first-p1" is an id the build derives from section "first" \(.*01-first\.mdx\).*choose another/ },
  { name: 'reserved-page-id', file: 'articles/tiny/02-second.mdx', field: 'id', fix: /"author" is an id the article page already uses \(src\/components\/AuthorNote\.astro\): choose another/ },
  { name: 'raw-brace', file: 'articles/tiny/02-second.mdx', field: 'line 10, column 8', fix: /"\{": write \\\{ to show a brace/ },
  { name: 'id-not-a-slug', file: 'articles/tiny/01-first.mdx', field: 'id', fix: /not a lowercase slug: use lowercase letters/ },
];

describe('bad content fails the build clearly', () => {
  it.each(cases)('$name: fails naming $file, $field and the fix', async ({ name, file, field, fix }) => {
    const { code, output } = await buildFixture(`${root}/${name}`);
    expect(code, output).not.toBe(0);
    expect(output).toContain(`${root}/${name}/${file}`);
    expect(output).toMatch(new RegExp(`(^|\\s)${field}: `, 'm'));
    expect(output).toMatch(fix);
  });
});
