import { describe, expect, it } from 'vitest';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import { extent, STRIP, yearStrip } from '../../../src/lib/view/timeline.ts';

const ev = (id: string, date: string) => ({ id, title: id, date: parsePreciseDate(date) });

describe('the timeline strip', () => {
  it('draws each date at its precision: a year spans the strip, a month its column, a day a dot, a range its days', () => {
    expect(extent(parsePreciseDate('2018'), 2018)).toEqual({ x: 0, width: STRIP.width, shape: 'span' });
    expect(extent(parsePreciseDate('2018-10'), 2018)).toEqual({ x: 9 * STRIP.month, width: STRIP.month, shape: 'span' });
    const day = extent(parsePreciseDate('2018-10-01'), 2018);
    expect([day.x, day.width, day.shape]).toEqual([9 * STRIP.month, 0, 'point']);
    const range = extent(parsePreciseDate('2018-09-18/2018-09-20'), 2018);
    expect(range.shape).toBe('span');
    expect(range.x).toBeCloseTo(8 * STRIP.month + (17 / 30) * STRIP.month);
    expect(range.width).toBeCloseTo((3 / 30) * STRIP.month);
  });

  it('puts overlapping events on lanes, and past the last lane counts them under their month', () => {
    const strip = yearStrip(2018, [ev('year', '2018'), ev('oct', '2018-10'), ev('oct-5', '2018-10-05'), ev('mar', '2018-03')]);
    const lane = (id: string) => strip.marks.find((m) => m.id === id)!.lane;
    expect(lane('year')).toBe(0);
    expect(lane('mar')).toBe(1);
    expect(lane('oct')).toBe(1);
    expect(lane('oct-5')).toBe(2);
    expect(strip.more).toEqual([]);
    const crowded = yearStrip(2018, Array.from({ length: STRIP.lanes + 4 }, (_, i) => ev(`e${i}`, '2018-06')));
    expect(crowded.marks).toHaveLength(STRIP.lanes);
    expect(crowded.more).toEqual([{ x: 5 * STRIP.month + STRIP.month / 2, count: 4 }]);
    expect(crowded.height).toBe(STRIP.labels + (STRIP.lanes + 1) * STRIP.lane);
  });
});
