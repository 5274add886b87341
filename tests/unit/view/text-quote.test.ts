import { describe, expect, it } from 'vitest';
import { describeQuote, locateQuote } from '../../../src/lib/view/text-quote.ts';

const TEXT = 'The alliance held. Seoul wanted OPCON back; Washington wanted OPCON kept. In the end, OPCON moved.';

describe('a highlight anchored by what it quotes', () => {
  it('keeps the words and a little context either side', () => {
    const start = TEXT.indexOf('OPCON kept');
    expect(describeQuote(TEXT, start, start + 5, 10)).toEqual({ exact: 'OPCON', prefix: 'on wanted ', suffix: ' kept. In ' });
    expect(describeQuote(TEXT, 0, 3, 10)).toEqual({ exact: 'The', prefix: '', suffix: ' alliance ' });
  });

  it('finds each of a phrase used three times by its context, not its first occurrence', () => {
    for (const at of [TEXT.indexOf('OPCON'), TEXT.indexOf('OPCON kept'), TEXT.lastIndexOf('OPCON')]) {
      expect(locateQuote(TEXT, describeQuote(TEXT, at, at + 5))).toEqual({ start: at, end: at + 5 });
    }
  });

  it('finds the words again after the text around them changed, and nothing once they are gone', () => {
    const at = TEXT.indexOf('Washington wanted');
    const quote = describeQuote(TEXT, at, at + 'Washington wanted'.length);
    const edited = `A new opening sentence. ${TEXT.replace('In the end', 'At last')}`;
    expect(locateQuote(edited, quote)).toEqual({ start: edited.indexOf('Washington wanted'), end: edited.indexOf('Washington wanted') + 17 });
    expect(locateQuote(TEXT.replace('Washington wanted', 'Washington asked'), quote)).toBeUndefined();
    expect(locateQuote(TEXT, { exact: '', prefix: '', suffix: '' })).toBeUndefined();
  });
});
