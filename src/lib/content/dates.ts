/**
 * Dates that carry their precision. "2018-10" is a month, not the 1st of October, and is shown
 * and machine-marked as a month. A range ("2018-09-18/2018-09-20") is a span of days.
 */
export type Precision = 'year' | 'month' | 'day' | 'range';

export interface PreciseDate {
  precision: Precision;
  /** The value exactly as written in content, e.g. "2018-10". */
  iso: string;
  year: number;
  month?: number;
  day?: number;
  /** Set for ranges only: the last day. */
  end?: { year: number; month: number; day: number };
}

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parsePart(text: string): { year: number; month?: number; day?: number } {
  const m = PART.exec(text);
  if (!m) {
    throw new Error(`"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (quoted in YAML)`);
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new Error(`"${text}" has no month ${m[2]}: months run 01 to 12`);
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysIn(year, month))) {
    throw new Error(`"${text}" does not exist: ${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days`);
  }
  return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

/** Parse "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD"; throws a message an editor can act on. */
export function parsePreciseDate(text: string): PreciseDate {
  const [first = '', second, ...rest] = text.split('/');
  if (rest.length > 0) throw new Error(`"${text}" has more than one "/": a range is START/END`);
  const start = parsePart(first);
  if (second === undefined) {
    const precision: Precision = start.day !== undefined ? 'day' : start.month !== undefined ? 'month' : 'year';
    return { precision, iso: text, ...start };
  }
  const end = parsePart(second);
  if (start.day === undefined || end.day === undefined || end.month === undefined) {
    throw new Error(`"${text}": both ends of a range must be full days (YYYY-MM-DD/YYYY-MM-DD)`);
  }
  if (first >= second) throw new Error(`"${text}": a range must end after it starts`);
  return { precision: 'range', iso: text, ...start, end: { year: end.year, month: end.month, day: end.day } };
}

/** Value for `<time datetime>`: the same precision as the data ("2018-10" stays a month). */
export function datetimeAttr(date: PreciseDate): string {
  return date.precision === 'range' ? date.iso.split('/')[0] ?? date.iso : date.iso;
}

/** Human form: "2018", "October 2018", "14 September 2018", "18–20 September 2018". */
export function formatPreciseDate(date: PreciseDate): string {
  const monthName = (m: number | undefined) => (m === undefined ? '' : MONTHS[m - 1]);
  switch (date.precision) {
    case 'year':
      return String(date.year);
    case 'month':
      return `${monthName(date.month)} ${date.year}`;
    case 'day':
      return `${date.day} ${monthName(date.month)} ${date.year}`;
    case 'range': {
      const end = date.end!;
      if (end.year !== date.year) {
        return `${date.day} ${monthName(date.month)} ${date.year} – ${end.day} ${monthName(end.month)} ${end.year}`;
      }
      if (end.month !== date.month) {
        return `${date.day} ${monthName(date.month)} – ${end.day} ${monthName(end.month)} ${date.year}`;
      }
      return `${date.day}–${end.day} ${monthName(date.month)} ${date.year}`;
    }
  }
}

/** Sort key that orders by start, coarser dates first within the same period. */
export function sortKey(date: PreciseDate): string {
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Something dated that has a name: an article (its date of publication and its slug), an event (its date and title). */
export interface Dated {
  date: PreciseDate;
  name: string;
}

/**
 * The one order of articles, and of events, in time: by date at its precision (`sortKey`),
 * oldest first, and by name where the dates are equal, so every list that orders them agrees.
 * `of` says what an item's date and name are.
 */
export function oldestFirst<T>(of: (item: T) => Dated): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [of(a), of(b)];
    return sortKey(x.date).localeCompare(sortKey(y.date)) || x.name.localeCompare(y.name);
  };
}

/** Newest first: the dates reversed, equal dates still by name. */
export function newestFirst<T>(of: (item: T) => Dated): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [of(a), of(b)];
    return sortKey(y.date).localeCompare(sortKey(x.date)) || x.name.localeCompare(y.name);
  };
}
