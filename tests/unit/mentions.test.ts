import { describe, expect, it } from 'vitest';
import { entryId, markId, placeMentions, quoteAround } from '../../src/lib/mentions.ts';

describe('mentions', () => {
  it('quotes a few words either side, cut at word boundaries', () => {
    const text = 'one two three four five six seven eight nine ten TARGET eleven twelve.';
    expect(quoteAround(text, text.indexOf('TARGET'), 6, 3)).toEqual({ before: '… eight nine ten ', phrase: 'TARGET', after: ' eleven twelve.' });
    expect(quoteAround('TARGET, then more', 0, 6, 3)).toEqual({ before: '', phrase: 'TARGET', after: ', then more' });
    expect(quoteAround('a TARGET', 2, 6)).toEqual({ before: 'a ', phrase: 'TARGET', after: '' });
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
