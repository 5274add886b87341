/**
 * The timeline's drawing: one strip per year, twelve months across, each event drawn at its
 * date's precision (a year spans the strip, a month its column, a range from its first day to its
 * last, a day is a dot). Events that overlap go on lanes below one another; past the last lane a
 * month shows how many more it holds, so a dense month stays legible. Pure geometry, in the SVG's
 * own units; the page draws it and lists the same events in order for every reader.
 */
import type { PreciseDate } from '../content/dates.ts';

/**
 * Events on one page of the timeline: an entry with its topics and three places is about 1.5 KB
 * of HTML at archive scale, so fifty keep a page of a dense year near 75 KB, under 100 KB.
 */
export const TIMELINE_PAGE_SIZE = 50;

export const STRIP = {
  /** The strip's width: twelve months of 60 units. */
  width: 720,
  month: 60,
  /** Height of the month labels above the lanes. */
  labels: 16,
  /** Height of one lane, and the lanes a strip has before months show counts instead. */
  lane: 14,
  lanes: 5,
  /** Space kept between two events on one lane. */
  gap: 2,
  dot: 4,
} as const;

const MONTH_LABELS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];

export interface StripEvent {
  id: string;
  title: string;
  date: PreciseDate;
}

export interface StripMark {
  id: string;
  title: string;
  /** Left edge and width in strip units; a point's width is 0 (drawn as a dot at x). */
  x: number;
  width: number;
  lane: number;
  shape: 'span' | 'point';
}

export interface YearStrip {
  year: number;
  height: number;
  months: Array<{ x: number; label: string }>;
  marks: StripMark[];
  /** Months with more events than lanes: how many are not drawn, and where to say so. */
  more: Array<{ x: number; count: number }>;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Where in `year`'s strip a day falls, in strip units. */
function dayX(year: number, month: number, day: number): number {
  return (month - 1) * STRIP.month + ((day - 1) / daysIn(year, month)) * STRIP.month;
}

/** The span an event's date covers within `year`, at its precision. */
export function extent(date: PreciseDate, year: number): { x: number; width: number; shape: StripMark['shape'] } {
  switch (date.precision) {
    case 'year':
      return { x: 0, width: STRIP.width, shape: 'span' };
    case 'month':
      return { x: (date.month! - 1) * STRIP.month, width: STRIP.month, shape: 'span' };
    case 'day':
      return { x: dayX(date.year, date.month!, date.day!), width: 0, shape: 'point' };
    default: {
      // A range: from its first day to its last, cut at the year's ends.
      const start = date.year < year ? 0 : dayX(date.year, date.month!, date.day!);
      const end = date.end!.year > year ? STRIP.width : dayX(date.end!.year, date.end!.month, date.end!.day) + STRIP.month / daysIn(date.end!.year, date.end!.month);
      return { x: start, width: Math.max(end - start, STRIP.dot), shape: 'span' };
    }
  }
}

/** One year's strip: the events laid on lanes, first come first placed, wider first at a tie. */
export function yearStrip(year: number, events: readonly StripEvent[]): YearStrip {
  const placed = events
    .map((event) => ({ event, ...extent(event.date, year) }))
    .sort((a, b) => a.x - b.x || b.width - a.width || a.event.title.localeCompare(b.event.title));
  const laneEnds: number[] = [];
  const marks: StripMark[] = [];
  const hidden = new Map<number, number>();
  for (const { event, x, width, shape } of placed) {
    const left = shape === 'point' ? x - STRIP.dot : x;
    const right = shape === 'point' ? x + STRIP.dot : x + width;
    let lane = laneEnds.findIndex((end) => end + STRIP.gap <= left);
    if (lane === -1 && laneEnds.length < STRIP.lanes) lane = laneEnds.push(-Infinity) - 1;
    if (lane === -1) {
      const month = Math.min(11, Math.floor(x / STRIP.month));
      hidden.set(month, (hidden.get(month) ?? 0) + 1);
      continue;
    }
    laneEnds[lane] = right;
    marks.push({ id: event.id, title: event.title, x, width, lane, shape });
  }
  const lanes = Math.max(1, laneEnds.length);
  return {
    year,
    height: STRIP.labels + lanes * STRIP.lane + (hidden.size > 0 ? STRIP.lane : 0),
    months: MONTH_LABELS.map((label, i) => ({ x: i * STRIP.month + STRIP.month / 2, label })),
    marks,
    more: [...hidden].sort(([a], [b]) => a - b).map(([month, count]) => ({ x: month * STRIP.month + STRIP.month / 2, count })),
  };
}
