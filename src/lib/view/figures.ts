/**
 * Geometry for the figures made for this edition. Pure: data in, coordinates out, so the
 * components only draw and the layout is unit-tested.
 */
import { formatPreciseDate, type PreciseDate } from '../content/dates.ts';
import type { EventItem } from '../content/cross-reference.ts';
import { dayNumber, timelineEvents } from '../content/figures.ts';

export interface TimelineRow {
  id: string;
  title: string;
  dateLabel: string;
  /** x of the start (and end, for ranges) on the axis. */
  x1: number;
  x2: number;
  y: number;
  /** Where the label starts: beside its dot, pulled left where it would run off the figure. */
  labelX: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  left: number;
  right: number;
  ticks: Array<{ x: number; label: string }>;
  rows: TimelineRow[];
}

/** Events with day (or day-range) precision between `from` and `to` inclusive, one row each. */
export function timelineLayout(
  events: readonly EventItem[],
  from: PreciseDate,
  to: PreciseDate,
  { width = 720, charWidth = 7.5 }: { width?: number; charWidth?: number } = {},
): TimelineLayout {
  const { start, end, events: inRange } = timelineEvents(events, from, to);
  const left = 24;
  const right = width - 24;
  const x = (d: number) => left + ((d - start) / (end - start)) * (right - left);
  const rowHeight = 30;
  const top = 24;
  const rows = inRange.map((e, i): TimelineRow => {
    const date = e.data.date!;
    const x1 = x(dayNumber(date.year, date.month!, date.day!));
    const x2 = date.end ? x(dayNumber(date.end.year, date.end.month, date.end.day)) : x1;
    const dateLabel = formatPreciseDate(date);
    const labelWidth = (dateLabel.length + 1 + e.title.length) * charWidth;
    const labelX = Math.max(left, Math.min(x1 + 8, right - labelWidth));
    return { id: e.id, title: e.title, dateLabel, x1, x2, y: top + i * rowHeight, labelX };
  });
  const axisY = top + rows.length * rowHeight + 8;
  const ticks: TimelineLayout['ticks'] = [];
  for (let y = from.year, m = from.month ?? 1; dayNumber(y, m, 1) <= end; m === 12 ? ((m = 1), y++) : m++) {
    const d = dayNumber(y, m, 1);
    if (d >= start) ticks.push({ x: x(d), label: formatPreciseDate({ precision: 'month', iso: '', year: y, month: m }) });
  }
  return { width, height: axisY + 32, axisY, left, right, ticks, rows };
}

export interface TargetStep {
  id: string;
  decided: string;
  target: string;
  title: string;
}

/** The successive target dates events set, in the order they were decided. */
export function targetSteps(events: readonly EventItem[]): TargetStep[] {
  return events
    .filter((e) => e.data.target || e.data.targetLabel)
    .map((e) => ({
      id: e.id,
      decided: e.data.date ? formatPreciseDate(e.data.date) : 'Undated',
      target: e.data.target ? formatPreciseDate(e.data.target) : (e.data.targetLabel ?? ''),
      title: e.title,
    }));
}
