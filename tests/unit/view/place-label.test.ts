import { describe, expect, it } from 'vitest';
import { NAMED_ELSEWHERE, placeLabel, placesToList } from '../../../src/lib/view/place-label.ts';

const place = (article: string, section = 's', paragraph?: number) => ({ article, section, articleTitle: `Title ${article}`, sectionLabel: `Section ${section}`, paragraph });

describe('naming the places that mention an annotation', () => {
  it('is as short as the reader’s position allows, and names another article', () => {
    expect(placeLabel(place('a', 's', 2), { article: 'a', section: 's' })).toBe('paragraph 2');
    expect(placeLabel(place('a', 's'), { article: 'a', section: 's' })).toBe('in this section');
    expect(placeLabel(place('a', 't', 3), { article: 'a', section: 's' })).toBe('Section t, ¶3');
    expect(placeLabel(place('b', 't', 3), { article: 'a', section: 's' })).toBe('Title b: Section t, ¶3');
  });

  it('names a few places in other articles beside an article, and counts them beyond that', () => {
    const few = [place('a'), ...Array.from({ length: NAMED_ELSEWHERE }, (_, i) => place(`b${i}`))];
    expect(placesToList(few, 'a')).toEqual({ named: few });
    const many = [place('a'), place('b'), place('b', 't'), place('c'), place('d')];
    expect(placesToList(many, 'a')).toEqual({ named: [place('a')], counted: { places: 4, articles: 3 } });
  });

  it('lists every place away from an article (the events and issue pages)', () => {
    const many = [place('a'), place('b'), place('c'), place('d'), place('e')];
    expect(placesToList(many, undefined)).toEqual({ named: many });
  });
});
