import { describe, expect, it } from 'vitest';
import { entryId, markId, noteLetter, notesInOrder, placeMentions, quoteAround } from '../../src/lib/mentions.ts';

describe('mentions', () => {
  it('quotes a few words either side, cut at word boundaries', () => {
    const text = 'one two three four five six seven eight nine ten TARGET eleven twelve.';
    expect(quoteAround(text, text.indexOf('TARGET'), 6, 3)).toEqual({ before: '… eight nine ten ', phrase: 'TARGET', after: ' eleven twelve.' });
    expect(quoteAround('TARGET, then more', 0, 6, 3)).toEqual({ before: '', phrase: 'TARGET', after: ', then more' });
    expect(quoteAround('a TARGET', 2, 6)).toEqual({ before: 'a ', phrase: 'TARGET', after: '' });
  });

  it('letters a section’s annotations a to z, then aa, ab, …', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(noteLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('lists a section’s annotations once each, in the order first mentioned', () => {
    const mark = (id: string, note: string) => ({ markId: `m-${id}`, kind: 'event' as const, id, note, quote: { before: '', phrase: '', after: '' } });
    expect(notesInOrder({ lead: '', marks: [mark('x', 'a'), mark('y', 'b'), mark('x', 'a')] })).toEqual([
      { kind: 'event', id: 'x', note: 'a' },
      { kind: 'event', id: 'y', note: 'b' },
    ]);
  });

  it('gives entries ids unique per section and marks ids unique per mention', () => {
    expect(entryId('opening', 'event', 'summit')).toBe('opening--event-summit');
    expect(markId('issue', 'opcon', 0)).toBe('mark-issue-opcon-1');
    const placed = placeMentions([
      {
        kind: 'issue',
        id: 'opcon',
        file: 'f',
        title: 'OPCON',
        mentions: [
          { article: 'a', section: 's1', phrase: 'x' },
          { article: 'a', section: 's2', phrase: 'y' },
        ],
      },
    ]);
    expect(placed.get('a/s2')?.[0]).toMatchObject({ markId: 'mark-issue-opcon-2', phrase: 'y', index: 1 });
  });
});
