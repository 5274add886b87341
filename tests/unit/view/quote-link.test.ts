import { describe, expect, it } from 'vitest';
import { quotedSection, quoteLink } from '../../../src/lib/view/quote-link.ts';

describe('links to a quote', () => {
  it('are the section’s permalink with a text fragment, escaped so its words stay words', () => {
    expect(quoteLink('https://x.example/a/', 'opening', 'the U.S.-South Korea alliance')).toBe('https://x.example/a/#opening:~:text=the%20U.S.%2DSouth%20Korea%20alliance');
    expect(quoteLink('/a/', 's', 'costs, & more')).toBe('/a/#s:~:text=costs%2C%20%26%20more');
  });

  it('name a long quote by its first and last four words', () => {
    expect(quoteLink('/a/', 's', 'one two three four five six seven eight nine')).toBe('/a/#s:~:text=one%20two%20three%20four,six%20seven%20eight%20nine');
    expect(quoteLink('/a/', 's', ' one\n two   three ')).toBe('/a/#s:~:text=one%20two%20three');
  });

  it('carry a few whole words either side, within the paragraph, so the same words earlier are not where they land', () => {
    // As a highlight keeps it: 32 characters either side, the farthest word cut.
    const context = { prefix: 'ds with its allies. Ultimately, ', suffix: ' Korea will have to hedge its be' };
    expect(quoteLink('/a/', 's', 'South', context)).toBe('/a/#s:~:text=its%20allies.%20Ultimately%2C-,South,-Korea%20will%20have');
    // Another paragraph's words are no context: a fragment's context stays in its block.
    expect(quoteLink('/a/', 's', 'South', { prefix: 'the end of one.\n', suffix: ' Korea (so)\nNext' })).toBe('/a/#s:~:text=South,-Korea%20%28so%29');
    // A quote that starts or ends inside a word has no context on that side.
    expect(quoteLink('/a/', 's', 'outh K', { prefix: 'allies. S', suffix: 'orea will' })).toBe('/a/#s:~:text=outh%20K');
    // Text not cut short keeps its farthest word.
    expect(quoteLink('/a/', 's', 'b', { prefix: 'a ', suffix: ' c' })).toBe('/a/#s:~:text=a-,b,-c');
  });

  it('still name their section where an engine leaves the text directive in the fragment', () => {
    expect(quotedSection('#opening:~:text=allies')).toBe('opening');
    expect(quotedSection('#opening')).toBeUndefined();
    expect(quotedSection('#:~:text=x')).toBeUndefined();
    expect(quotedSection('#%E0%A4%A:~:text=x')).toBeUndefined();
  });
});
