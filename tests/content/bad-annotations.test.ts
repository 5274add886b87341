import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';

beforeAll(() => mkdirSync('.tmp', { recursive: true }));

const root = 'tests/fixtures/bad-annotations';

const cases: Array<{ name: string; file: string; field: string; fix: RegExp }> = [
  { name: 'unknown-issue-id', file: 'events/summit.yaml', field: 'issues[0]', fix: /no issue "tlaks"; known: "talks"/ },
  { name: 'unknown-event-id', file: 'issues/talks.yaml', field: 'events[1]', fix: /no event "sumit"; known: "summit"/ },
  { name: 'phrase-not-found', file: 'events/summit.yaml', field: 'mentions[0].phrase', fix: /"was held in June" is not in section "first": copy the words exactly/ },
  { name: 'ambiguous-phrase', file: 'events/summit.yaml', field: 'mentions[0].phrase', fix: /"summit" occurs 2 times in section "first": quote more words/ },
  { name: 'unknown-section', file: 'events/summit.yaml', field: 'mentions[0].section', fix: /no section "firts" in "tiny"; its sections: "first"/ },
  { name: 'date-precision-mismatch', file: 'events/summit.yaml', field: 'precision', fix: /"month" does not match the date, which is written as a day/ },
  { name: 'figure-draws-nothing', file: 'articles/tiny/article.yaml', field: 'figures[0]', fix: /draws nothing: no event this article mentions is dated to the day between January 1999 and February 1999/ },
  { name: 'figure-unknown-issue', file: 'articles/tiny/article.yaml', field: 'figures[0]', fix: /no issue "tlaks"/ },
  { name: 'figure-invalid', file: 'articles/tiny/article.yaml', field: 'figures.0.kind', fix: /a figure needs kind: timeline \(with from and to\) or targets \(with issue\)/ },
  { name: 'overlapping-mentions', file: 'issues/talks.yaml', field: 'mentions[0].phrase', fix: /"summit was held" overlaps another mention/ },
];

describe('bad annotations fail the build clearly', () => {
  it.each(cases)('$name: fails naming $file, $field and the fix', async ({ name, file, field, fix }) => {
    const { code, output } = await buildFixture(`${root}/${name}`);
    expect(code, output).not.toBe(0);
    expect(output).toContain(`${root}/${name}/${file}`);
    expect(output).toContain(`${field}: `);
    expect(output).toMatch(fix);
  });
});
