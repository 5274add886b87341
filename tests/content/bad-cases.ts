/**
 * Every bad content fixture, with what its message must name: the file, the field and the fix.
 * The content layer is held to all of it (`tests/unit/content/bad-cases.test.ts`); the build and
 * `npm run check` print the content layer's error, proved end to end on the cases `END_TO_END`
 * names (`bad-content.test.ts`).
 */
export interface BadCase {
  /** The fixture folder under tests/fixtures/. */
  folder: string;
  file: string;
  field: string;
  fix: RegExp;
  /** A file the fixture's payload would write if any of it ran: it must not exist afterwards. */
  marker?: string;
}

const content = (name: string, file: string, field: string, fix: RegExp): BadCase => ({ folder: `tests/fixtures/bad-content/${name}`, file, field, fix });
/** A fixture whose payload writes `.tmp/pwned-<name>` if it runs. */
const hostile = (name: string, file: string, field: string, fix: RegExp): BadCase => ({ ...content(name, file, field, fix), marker: `.tmp/pwned-${name}` });
const annotations = (name: string, file: string, field: string, fix: RegExp): BadCase => ({ folder: `tests/fixtures/bad-annotations/${name}`, file, field, fix });

export const BAD_CONTENT: BadCase[] = [
  content('missing-title', 'articles/tiny/article.yaml', 'title', /required: add the article title/),
  content('duplicate-section-id', 'articles/tiny/02-second.mdx', 'id', /"first" is already used by .*01-first\.mdx.*choose another/),
  content('duplicate-alias', 'articles/tiny/02-second.mdx', 'aliases', /"first" is already used by .*01-first\.mdx.*choose another/),
  content('duplicate-order', 'articles/tiny/02-second.mdx', 'order', /give each section of an article its own number/),
  content('unknown-article', 'articles/tiny/02-second.mdx', 'article', /no article "tiny-typo"; known articles: "tiny"/),
  content('unknown-author', 'articles/tiny/article.yaml', 'author', /no author "bob-author".*add content\/authors\/bob-author\.mdx/),
  content('rolled-over-date', 'articles/tiny/article.yaml', 'published', /"2018-02-30" does not exist: February 2018 has 28 days/),
  content('unquoted-date', 'articles/tiny/article.yaml', 'published', /quoted date/),
  content('empty-section-body', 'articles/tiny/02-second.mdx', 'body', /put its paragraphs below the frontmatter/),
  content('route-collision', 'articles/events/article.yaml', 'folder name', /"\/events\/" is already written by the events pages \(src\/pages\/\[kind\]\/, from the kinds table in src\/lib\/content\/kinds\.ts\): rename the article's folder/),
  content('derived-id-collision', 'articles/tiny/02-second.mdx', 'id', /"first-p1" is an id the build derives from section "first" \(.*01-first\.mdx\).*choose another/),
  content('reserved-page-id', 'articles/tiny/02-second.mdx', 'id', /"author" is an id the article page already uses \(src\/components\/AuthorNote\.astro\): choose another/),
  content('raw-brace', 'articles/tiny/02-second.mdx', 'line 10, column 8', /"\{": write \\\{ to show a brace/),
  content('id-not-a-slug', 'articles/tiny/01-first.mdx', 'id', /not a lowercase slug: use lowercase letters/),
  content('broken-yaml', 'articles/tiny/02-second.mdx', 'line 3, column 14', /fix the YAML \(quote a value that holds a colon/),
  // Content is text: nothing in a content file may become code.
  hostile('esm-in-section', 'articles/tiny/02-second.mdx', 'line 10, column 1', /import\/export: a line that begins with "import" or "export" is read as code: .*&#105;mport/),
  hostile('expression-in-author-note', 'authors/ann-author.mdx', 'line 5, column 13', /"\{": write \\\{ to show a brace/),
  hostile('expression-attribute', 'articles/tiny/02-second.mdx', 'line 10, column 1', /<Figure name>: name must be a quoted value such as name="figure-1", not an expression/),
  hostile('unknown-component', 'articles/tiny/02-second.mdx', 'line 10, column 1', /<Fake> is markup, not text: the only components content may use are <Figure \/>/),
  content('raw-html-in-markdown', 'articles/tiny/02-second.md', 'line 10, column 1', /raw HTML is not allowed in content: write it in Markdown/),
  content('javascript-link', 'articles/tiny/02-second.mdx', 'line 8, column 20', /"javascript:alert\(document\.domain\)": links may point only to http\(s\) addresses or to paths of this site/),
  content('javascript-original', 'articles/tiny/article.yaml', 'original', /an absolute https:\/\/ URL/),
];

export const BAD_ANNOTATIONS: BadCase[] = [
  annotations('unknown-issue-id', 'events/summit.yaml', 'issues[0]', /no issue "tlaks"; known: "talks"/),
  annotations('unknown-event-id', 'issues/talks.yaml', 'events[1]', /no event "sumit"; known: "summit"/),
  annotations('phrase-not-found', 'events/summit.yaml', 'mentions[0].phrase', /"was held in June" is not in section "first": copy the words exactly/),
  annotations('ambiguous-phrase', 'events/summit.yaml', 'mentions[0].phrase', /"summit" occurs 2 times in section "first": quote more words/),
  annotations('unknown-section', 'events/summit.yaml', 'mentions[0].section', /no section "firts" in "tiny"; its sections: "first"/),
  annotations('date-precision-mismatch', 'events/summit.yaml', 'precision', /"month" does not match the date, which is written as a day/),
  annotations('figure-draws-nothing', 'articles/tiny/article.yaml', 'figures[0]', /draws nothing: no event this article mentions is dated to the day between January 1999 and February 1999/),
  annotations('figure-unknown-issue', 'articles/tiny/article.yaml', 'figures[0]', /no issue "tlaks"/),
  annotations('figure-invalid', 'articles/tiny/article.yaml', 'figures.0.kind', /a figure needs kind: timeline \(with from and to\) or targets \(with issue\)/),
  annotations('overlapping-mentions', 'issues/talks.yaml', 'mentions[0].phrase', /"summit was held" overlaps another mention/),
  annotations('digits-only-issue-id', 'issues/2.yaml', 'file name', /"\/issues\/2\/" is page 2 of the issues index: .*Rename the file with a word in it \(e\.g\. "issue-2\.yaml"\)/),
];

export const BAD_CASES: BadCase[] = [...BAD_CONTENT, ...BAD_ANNOTATIONS];

/**
 * The cases run through a real `astro build` and a real `npm run check`: every hostile one (the
 * build must not run them either), and one of each other sort (a schema, a cross-entry rule, a
 * pipeline position, an annotation phrase).
 */
export const END_TO_END: BadCase[] = BAD_CASES.filter(
  (c) => c.marker || ['missing-title', 'route-collision', 'raw-brace', 'phrase-not-found', 'figure-draws-nothing'].some((name) => c.folder.endsWith(`/${name}`)),
);

/** The message names the file, the field (as "field: ") and the fix. */
export function expectNamed(output: string, c: BadCase, expect: (actual: string) => { toContain(s: string): void; toMatch(r: RegExp): void }): void {
  expect(output).toContain(`${c.folder}/${c.file}`);
  expect(output).toMatch(new RegExp(`(^|\\s)${c.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `, 'm'));
  expect(output).toMatch(c.fix);
}
