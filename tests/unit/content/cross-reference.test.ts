import { describe, expect, it } from 'vitest';
import { buildCrossReference } from '../../../src/lib/content/cross-reference.ts';
import { event, issue, person } from './items.ts';

const placement = { markId: 'mark-event-later-1', kind: 'event' as const, id: 'later', paragraph: 2, note: 'a', quote: { before: '', phrase: 'p', after: '' } };

describe('the cross-reference index', () => {
  const xref = buildCrossReference(
    [
      event('later', '2018-10-19', { issues: ['opcon'], mentions: [{ article: 'a', section: 's', phrase: 'p' }] }),
      event('undated', null),
      event('month', '2018-10'),
      event('earlier', '2018-09-14', { people: ['kim'], mentions: [{ article: 'a', section: 's', phrase: 'q' }] }),
      issue('opcon'),
      issue('sanctions', { events: ['earlier', 'later'], mentions: [{ article: 'a', section: 't', phrase: 'r' }] }),
      person('kim', { title: 'Kim', issues: ['sanctions'], mentions: [{ article: 'b', section: 's', phrase: 'Kim' }] }),
      person('moon', { title: 'Moon' }),
    ],
    (mark) => (mark === 'mark-event-later-1' ? placement : undefined),
  );

  it('orders events by date, coarser first, undated last; the other kinds by title', () => {
    expect(xref.all('event').map((e) => e.id)).toEqual(['earlier', 'month', 'later', 'undated']);
    expect(xref.all('person').map((p) => p.id)).toEqual(['kim', 'moon']);
  });

  it('reads links both ways, whichever side wrote them, for every pair of kinds', () => {
    expect(xref.linked(xref.get('event', 'later')!, 'issue').map((i) => i.id)).toEqual(['opcon', 'sanctions']);
    expect(xref.linked(xref.get('issue', 'sanctions')!, 'event').map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(xref.linked(xref.get('issue', 'opcon')!, 'event').map((e) => e.id)).toEqual(['later']);
    expect(xref.linked(xref.get('person', 'kim')!, 'event').map((e) => e.id)).toEqual(['earlier']);
    expect(xref.linked(xref.get('issue', 'sanctions')!, 'person').map((p) => p.id)).toEqual(['kim']);
    expect(xref.linked(xref.get('person', 'moon')!, 'issue')).toEqual([]);
  });

  it('lists what each article mentions, by kind, in the kind’s order', () => {
    expect(xref.inArticle('a', 'event').map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(xref.inArticle('a', 'issue').map((i) => i.id)).toEqual(['sanctions']);
    expect(xref.inArticle('b', 'person').map((p) => p.id)).toEqual(['kim']);
    expect(xref.inArticle('c', 'event')).toEqual([]);
  });

  it('gives every mention a back-link target and where the Markdown step placed it', () => {
    expect(xref.places('event', 'later')).toEqual([{ article: 'a', section: 's', phrase: 'p', markId: 'mark-event-later-1', placement }]);
    expect(xref.places('person', 'kim')[0]!.markId).toBe('mark-person-kim-1');
  });
});
