/**
 * Geometry for the figures made for this edition. Pure: data in, coordinates out, so the
 * components only draw and the layout is unit-tested.
 */
import { formatPreciseDate, type PreciseDate } from './dates.ts';
import type { EventItem } from './annotations.ts';

const DAY = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY;
}

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
  const start = dayNumber(from.year, from.month ?? 1, from.day ?? 1);
  const endMonth = to.month ?? 12;
  const end = dayNumber(to.year, endMonth, to.day ?? new Date(Date.UTC(to.year, endMonth, 0)).getUTCDate());
  const left = 24;
  const right = width - 24;
  const x = (d: number) => left + ((d - start) / (end - start)) * (right - left);
  const rowHeight = 30;
  const top = 24;
  const dated = events.filter((e) => e.date && (e.date.precision === 'day' || e.date.precision === 'range'));
  const inRange = dated.filter((e) => {
    const d = dayNumber(e.date!.year, e.date!.month!, e.date!.day!);
    return d >= start && d <= end;
  });
  const rows = inRange.map((e, i): TimelineRow => {
    const date = e.date!;
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
    .filter((e) => e.target || e.targetLabel)
    .map((e) => ({
      id: e.id,
      decided: e.date ? formatPreciseDate(e.date) : 'Undated',
      target: e.target ? formatPreciseDate(e.target) : (e.targetLabel ?? ''),
      title: e.title,
    }));
}

/** A figure as its article declares it (see `figures` in src/content.config.ts). */
export type FigureSpec =
  | { kind: 'timeline'; name: string; caption: string; from: PreciseDate; to: PreciseDate }
  | { kind: 'targets'; name: string; caption: string; issue: string };

/** The events a figure draws: only its own article's (timeline) or its declared issue's (targets). */
export function figureEvents(
  spec: FigureSpec,
  article: string,
  annotations: { eventsIn(article: string): EventItem[]; eventsOf(issue: string): EventItem[] },
): EventItem[] {
  if (spec.kind === 'targets') return annotations.eventsOf(spec.issue).filter((e) => e.target || e.targetLabel);
  const mine = annotations.eventsIn(article);
  const byId = new Map(mine.map((e) => [e.id, e]));
  return timelineLayout(mine, spec.from, spec.to).rows.map((row) => byId.get(row.id)!);
}

/** Why a declared figure cannot be drawn, or undefined when it can. */
export function figureProblem(spec: FigureSpec, drawn: readonly EventItem[], issueExists: boolean): string | undefined {
  if (spec.kind === 'targets' && !issueExists) return `no issue "${spec.issue}": name an issue in content/issues/`;
  if (drawn.length > 0) return undefined;
  return spec.kind === 'timeline'
    ? `draws nothing: no event this article mentions is dated to the day between ${formatPreciseDate(spec.from)} and ${formatPreciseDate(spec.to)}; widen from/to, or remove the figure`
    : `draws nothing: no event of issue "${spec.issue}" sets a target; add target dates to its events, or remove the figure`;
}
