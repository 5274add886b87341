/** What a mark is, in one place: its ids, its element, and how an id is read back; and where mentions go. */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { annotationOfId, cardId, entryId, markElement, markId, noteLetter } from '../../../src/lib/markdown/marks.ts';
import { notesInOrder, placeMentions, quoteAround } from '../../../src/lib/markdown/mentions.ts';

describe('marks', () => {
  it('letters a section’s annotations a to z, then aa, ab, …', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(noteLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('gives cards ids unique per section, listing entries ids unique per kind, and marks ids unique per mention', () => {
    expect(cardId('opening', 'event', 'summit')).toBe('opening--event-summit');
    expect(entryId('person', 'kim-jong-un')).toBe('person-kim-jong-un');
    expect(markId('issue', 'opcon', 0)).toBe('mark-issue-opcon-1');
  });

  it('reads a card’s or an entry’s id back as its annotation, for every kind, and nothing else', () => {
    expect(annotationOfId('opening--event-summit')).toEqual({ kind: 'event', id: 'summit' });
    expect(annotationOfId('person-kim-jong-un')).toEqual({ kind: 'person', id: 'kim-jong-un' });
    expect(annotationOfId('the-next-part--issue-opcon')).toEqual({ kind: 'issue', id: 'opcon' });
    expect(annotationOfId('opening-p2')).toBeUndefined();
  });

  it('makes the mark: a link to the card, described by its title, underlined as its kind says, lettered', () => {
    const html = toHtml(markElement({ kind: 'person', id: 'kim', markId: 'mark-person-kim-1', sectionId: 'opening', note: 'c' }, [{ type: 'text', value: 'Kim Jong Un' }]));
    expect(html).toBe('<a href="#opening--person-kim" id="mark-person-kim-1" class="mark mark-person" aria-describedby="opening--person-kim-title" data-underline="solid" data-note="c">Kim Jong Un</a>');
  });
});

describe('mentions', () => {
  it('quotes a few words either side, cut at word boundaries', () => {
    const text = 'one two three four five six seven eight nine ten TARGET eleven twelve.';
    expect(quoteAround(text, text.indexOf('TARGET'), 6, 3)).toEqual({ before: '… eight nine ten ', phrase: 'TARGET', after: ' eleven twelve.' });
    expect(quoteAround('TARGET, then more', 0, 6, 3)).toEqual({ before: '', phrase: 'TARGET', after: ', then more' });
    expect(quoteAround('a TARGET', 2, 6)).toEqual({ before: 'a ', phrase: 'TARGET', after: '' });
  });

  it('lists a section’s annotations once each, in the order first mentioned', () => {
    const mark = (id: string, note: string) => ({ markId: `m-${id}`, kind: 'event' as const, id, note, quote: { before: '', phrase: '', after: '' } });
    expect(notesInOrder({ marks: [mark('x', 'a'), mark('y', 'b'), mark('x', 'a')] })).toEqual([
      { kind: 'event', id: 'x', note: 'a' },
      { kind: 'event', id: 'y', note: 'b' },
    ]);
  });

  it('places each mention in its section, with the id of its mark', () => {
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
