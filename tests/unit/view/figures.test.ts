import { describe, expect, it } from 'vitest';
import { targetSteps, timelineLayout } from '../../../src/lib/view/figures.ts';
import { figureEvents, figureProblem } from '../../../src/lib/content/figures.ts';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import { buildCrossReference } from '../../../src/lib/content/cross-reference.ts';
import { event as item, issue } from '../content/items.ts';

const event = (id: string, date: string | null, over: Parameters<typeof item>[2] = {}) => item(id, date, { title: `Title of ${id}`, ...over });

describe('figure layouts', () => {
  const events = [
    event('early', '2018-09-01'),
    event('range', '2018-09-18/2018-09-20'),
    event('late', '2018-10-31', { title: 'A rather long title that would run off the right edge' }),
    event('month', '2018-10'),
    event('outside', '2018-11-02'),
    event('undated', null),
  ];
  const layout = timelineLayout(events, parsePreciseDate('2018-09'), parsePreciseDate('2018-10'), { width: 600 });

  it('puts only day-precise events inside the window on the timeline, one row each', () => {
    expect(layout.rows.map((r) => r.id)).toEqual(['early', 'range', 'late']);
    expect(new Set(layout.rows.map((r) => r.y)).size).toBe(3);
  });

  it('places dates on the axis proportionally, ranges as spans', () => {
    const [early, range, late] = layout.rows;
    expect(early!.x1).toBe(layout.left);
    expect(late!.x1).toBe(layout.right);
    expect(range!.x2).toBeGreaterThan(range!.x1);
    expect(layout.ticks.map((t) => t.label)).toEqual(['September 2018', 'October 2018']);
  });

  it('keeps every label inside the figure', () => {
    for (const row of layout.rows) {
      expect(row.labelX).toBeGreaterThanOrEqual(layout.left);
      expect(row.labelX + (row.dateLabel.length + 1 + row.title.length) * 7.5).toBeLessThanOrEqual(layout.right + 0.001);
    }
  });

  it('lists target steps in the order they were decided', () => {
    const steps = targetSteps([
      event('a', '2007', { target: parsePreciseDate('2012-04') }),
      event('b', '2010', { target: parsePreciseDate('2015-12') }),
      event('c', '2014', { targetLabel: 'conditions-based' }),
      event('d', '2018-10-19'),
    ]);
    expect(steps.map((s) => `${s.decided} → ${s.target}`)).toEqual(['2007 → April 2012', '2010 → December 2015', '2014 → conditions-based']);
  });
});

describe('a figure draws only what its article declares', () => {
  const mention = (article: string) => ({ article, section: 's', phrase: 'p' });
  const mine = event('mine', '2018-09-14', { mentions: [mention('first')] });
  const theirs = event('theirs', '2018-09-20', { mentions: [mention('second')] });
  const target = event('target', '2014-10', { target: parsePreciseDate('2015-12'), mentions: [mention('second')] });
  const annotations = buildCrossReference([mine, theirs, target, issue('opcon', { events: ['target', 'mine'] })]);
  const timeline = { kind: 'timeline' as const, name: 't', caption: 'c', from: parsePreciseDate('2018-09'), to: parsePreciseDate('2018-10') };

  it('a timeline takes only its own article’s events in its window, however busy that window is elsewhere', () => {
    expect(figureEvents(timeline, 'first', annotations).map((e) => e.id)).toEqual(['mine']);
    expect(figureEvents(timeline, 'second', annotations).map((e) => e.id)).toEqual(['theirs']);
  });

  it('target steps take the declared issue’s events that set a target', () => {
    expect(figureEvents({ kind: 'targets', name: 'x', caption: 'c', issue: 'opcon' }, 'first', annotations).map((e) => e.id)).toEqual(['target']);
  });

  it('says why a figure cannot be drawn', () => {
    expect(figureProblem(timeline, [], true)).toMatch(/^draws nothing: no event this article mentions is dated to the day between September 2018 and October 2018/);
    expect(figureProblem({ kind: 'targets', name: 'x', caption: 'c', issue: 'nope' }, [], false)).toMatch(/^no issue "nope"/);
    expect(figureProblem(timeline, [mine], true)).toBeUndefined();
  });
});
