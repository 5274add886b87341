import { describe, expect, it } from 'vitest';
import { datetimeAttr, formatPreciseDate, newestFirst, oldestFirst, parsePreciseDate, sortKey } from '../../../src/lib/content/dates.ts';

describe('dates keep their precision', () => {
  it.each([
    ['2018', 'year', '2018', '2018'],
    ['2018-10', 'month', 'October 2018', '2018-10'],
    ['2018-09-14', 'day', '14 September 2018', '2018-09-14'],
    ['2018-09-18/2018-09-20', 'range', '18–20 September 2018', '2018-09-18'],
    ['2018-09-30/2018-10-02', 'range', '30 September – 2 October 2018', '2018-09-30'],
    ['1950-06-25/1953-07-27', 'range', '25 June 1950 – 27 July 1953', '1950-06-25'],
  ])('%s is a %s shown as "%s" with datetime="%s"', (text, precision, shown, attr) => {
    const date = parsePreciseDate(text);
    expect(date.precision).toBe(precision);
    expect(formatPreciseDate(date)).toBe(shown);
    expect(datetimeAttr(date)).toBe(attr);
  });

  it.each([
    ['2018-02-30', /February 2018 has 28 days/],
    ['2016-02-30', /February 2016 has 29 days/],
    ['2018-13', /no month 13/],
    ['2018-00-10', /no month 00/],
    ['18-10', /not a date/],
    ['October 2018', /not a date/],
    ['2018-10-01/2018-09-01', /must end after it starts/],
    ['2018-10/2018-11', /full days/],
  ])('rejects %s with a message an editor can act on', (text, message) => {
    expect(() => parsePreciseDate(text)).toThrow(message);
  });

  it('accepts 29 February in a leap year', () => {
    expect(formatPreciseDate(parsePreciseDate('2016-02-29'))).toBe('29 February 2016');
  });

  it('sorts coarser dates before finer ones in the same period', () => {
    const keys = ['2018-10-12', '2018', '2018-10', '2017-12-31'].map((t) => sortKey(parsePreciseDate(t)));
    expect([...keys].sort()).toEqual(['2017-12-31', '2018-00-00', '2018-10-00', '2018-10-12']);
  });

  it('orders articles in time one way: by date at its precision, equal dates by name either way', () => {
    const articles = [
      { slug: 'b', published: '2018-10' },
      { slug: 'c', published: '2018-10-12' },
      { slug: 'a', published: '2018-10' },
      { slug: 'd', published: '2017' },
    ];
    const of = (a: (typeof articles)[number]) => ({ date: parsePreciseDate(a.published), name: a.slug });
    expect([...articles].sort(oldestFirst(of)).map((a) => a.slug)).toEqual(['d', 'a', 'b', 'c']);
    expect([...articles].sort(newestFirst(of)).map((a) => a.slug)).toEqual(['c', 'a', 'b', 'd']);
  });
});
