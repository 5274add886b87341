/**
 * Links to quoted words in their context (`src/lib/view/quote-context.ts`): what "Copy link to
 * quote" copies and what a highlight links, alike.
 */
import { describe, expect, it } from 'vitest';
import { contextWords, quoteLinkInContext } from '../../../src/lib/view/quote-context.ts';
import { describeQuote } from '../../../src/lib/view/text-quote.ts';

describe('a link to a quote in its context', () => {
  it('links a quote with whole words of its own paragraph either side, so a short quote lands on its own place', () => {
    // As a highlight keeps its context: 32 characters either side, the farthest word cut.
    expect(contextWords('ds with its allies. Ultimately, ', 'before')).toBe('its allies. Ultimately,');
    expect(contextWords(' Korea will have to hedge its be', 'after')).toBe('Korea will have');
    // Another paragraph's words are no context: a text fragment's context stays in its block.
    expect(contextWords('the end of one.\n', 'before')).toBe('');
    expect(contextWords(' Korea (so)\nNext', 'after')).toBe('Korea (so)');
    // A quote that starts or ends inside a word has no context on that side.
    expect(contextWords('allies. S', 'before')).toBe('');
    expect(contextWords('orea will', 'after')).toBe('');
    // Context not cut short keeps its farthest word.
    expect(contextWords('a ', 'before')).toBe('a');
  });

  it('links the second place a phrase appears by the words around it, and a quote that fills its paragraph by its words alone', () => {
    const text = 'South Korea wants talks.\nThe North, and South Korea too, waits.\n';
    const at = text.indexOf('South Korea', 10);
    expect(quoteLinkInContext('https://example.org/a/', 'one', describeQuote(text, at, at + 'South Korea'.length))).toBe('https://example.org/a/#one:~:text=The%20North%2C%20and-,South%20Korea,-too%2C%20waits.');
    const whole = text.indexOf('The North');
    expect(quoteLinkInContext('https://example.org/a/', 'one', describeQuote(text, whole, text.indexOf('\n', whole)))).toBe('https://example.org/a/#one:~:text=The%20North%2C%20and%20South%20Korea%20too%2C%20waits.');
  });
});
