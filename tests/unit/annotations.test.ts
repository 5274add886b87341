import { describe, expect, it } from 'vitest';
import { buildIndex, type EventItem, type IssueItem } from '../../src/lib/annotations.ts';
import { parsePreciseDate } from '../../src/lib/dates.ts';

const event = (id: string, date: string | null, over: Partial<EventItem> = {}): EventItem => ({
  id,
  title: id,
  date: date ? parsePreciseDate(date) : null,
  note: 'n',
  basis: 'article',
  issues: [],
  mentions: [],
  ...over,
});
const issue = (id: string, over: Partial<IssueItem> = {}): IssueItem => ({ id, name: id, summary: 's', basis: 'article', events: [], mentions: [], ...over });

const placement = { markId: 'mark-event-later-1', kind: 'event' as const, id: 'later', paragraph: 2, note: 'a', quote: { before: '', phrase: 'p', after: '' } };

describe('the cross-reference index', () => {
  const index = buildIndex(
    [
      event('later', '2018-10-19', { issues: ['opcon'], mentions: [{ article: 'a', section: 's', phrase: 'p' }] }),
      event('undated', null),
      event('month', '2018-10'),
      event('earlier', '2018-09-14', { mentions: [{ article: 'a', section: 's', phrase: 'q' }] }),
    ],
    [issue('opcon'), issue('sanctions', { events: ['earlier', 'later'], mentions: [{ article: 'a', section: 't', phrase: 'r' }] })],
    (mark) => (mark === 'mark-event-later-1' ? placement : undefined),
  );

  it('orders events by date, coarser first, undated last', () => {
    expect(index.events.map((e) => e.id)).toEqual(['earlier', 'month', 'later', 'undated']);
  });

  it('reads links both ways, whichever side wrote them', () => {
    expect(index.issuesOf('later').map((i) => i.id)).toEqual(['opcon', 'sanctions']);
    expect(index.eventsOf('sanctions').map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(index.eventsOf('opcon').map((e) => e.id)).toEqual(['later']);
  });

  it('lists what each section mentions, events in date order', () => {
    expect(index.inSection('a', 's').events.map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(index.inSection('a', 't').issues.map((i) => i.id)).toEqual(['sanctions']);
    expect(index.inSection('a', 'none')).toEqual({ events: [], issues: [] });
  });

  it('gives every mention a back-link target and where the Markdown step placed it', () => {
    expect(index.placesOf('event', 'later')).toEqual([{ article: 'a', section: 's', phrase: 'p', markId: 'mark-event-later-1', placement }]);
  });

  it('lists the events each article mentions', () => {
    expect(index.eventsIn('a').map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(index.eventsIn('b')).toEqual([]);
  });
});
