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

  it('carry the words given before and after the quote, as the fragment’s prefix and suffix', () => {
    expect(quoteLink('/a/', 's', 'South', { before: 'its allies. Ultimately,', after: 'Korea (so)' })).toBe('/a/#s:~:text=its%20allies.%20Ultimately%2C-,South,-Korea%20%28so%29');
    expect(quoteLink('/a/', 's', 'South', { before: '', after: 'Korea' })).toBe('/a/#s:~:text=South,-Korea');
  });

  it('still name their section where an engine leaves the text directive in the fragment', () => {
    expect(quotedSection('#opening:~:text=allies')).toBe('opening');
    expect(quotedSection('#opening')).toBeUndefined();
    expect(quotedSection('#:~:text=x')).toBeUndefined();
    expect(quotedSection('#%E0%A4%A:~:text=x')).toBeUndefined();
  });
});
