import { describe, expect, it } from 'vitest';
import { bodyText, countOccurrences, entryId, markId, paragraphOf, placeMentions, quoteContext } from '../../src/lib/mentions.ts';

const body = `First paragraph with the phrase here.

<Figure name="x" />

Second one, where the phrase shows up again and again the phrase.`;

describe('finding mentions in a section', () => {
  it('reads the text without MDX component lines, one paragraph per block', () => {
    expect(bodyText(body)).toBe('First paragraph with the phrase here.\n\nSecond one, where the phrase shows up again and again the phrase.');
  });

  it('counts occurrences, so missing and ambiguous phrases can be refused', () => {
    const text = bodyText(body);
    expect(countOccurrences(text, 'First paragraph')).toBe(1);
    expect(countOccurrences(text, 'the phrase')).toBe(3);
    expect(countOccurrences(text, 'absent')).toBe(0);
    // A phrase may not straddle two paragraphs.
    expect(countOccurrences(text, 'here. Second')).toBe(0);
  });

  it('numbers paragraphs the way the rehype step gives them ids (figures skipped)', () => {
    expect(paragraphOf(bodyText(body), 'shows up')).toBe(2);
    expect(paragraphOf(bodyText(body), 'nowhere')).toBeUndefined();
  });

  it('quotes a short context around a phrase', () => {
    const text = 'one two three four five six seven eight nine ten TARGET eleven twelve.';
    expect(quoteContext(text, 'TARGET', 3)).toEqual({ before: '… eight nine ten ', phrase: 'TARGET', after: ' eleven twelve.' });
    expect(quoteContext('TARGET, then more', 'TARGET', 3)).toEqual({ before: '', phrase: 'TARGET', after: ', then more' });
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
