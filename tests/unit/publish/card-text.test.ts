/**
 * The cards' text setting: the npm fonts (WOFF) read as OpenType, shaped with their kerning and
 * ligatures, broken into lines at spaces and after dashes, and drawn from glyphs a thread
 * rasterises once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { breakLines, CardFont, setText, sfntFromWoff } from '../../../src/lib/publish/card-text.ts';

const require = createRequire(import.meta.url);
const woff = (file: string) => readFileSync(require.resolve(file));
const serif = () => new CardFont(woff('@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff'));
const sans = () => new CardFont(woff('@fontsource/inter/files/inter-latin-400-normal.woff'));

/** The columns holding ink, leftmost and rightmost, and the rows. */
function inked(text: { width: number; inkRows: number; alpha: Uint8Array }) {
  let [left, right, top, bottom] = [Infinity, -1, Infinity, -1];
  for (let y = 0; y < text.inkRows; y++) {
    for (let x = 0; x < text.width; x++) {
      if (!text.alpha[y * text.width + x]) continue;
      [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
    }
  }
  return { left, right, top, bottom };
}

describe('a WOFF font read as OpenType', () => {
  it('keeps every table, so shaping finds the glyphs (a WOFF given as it is finds none)', () => {
    const file = woff('@fontsource/inter/files/inter-latin-400-normal.woff');
    const sfnt = sfntFromWoff(file);
    expect(new DataView(sfnt.buffer).getUint16(4)).toBe(new DataView(file.buffer, file.byteOffset).getUint16(12));
    expect(sans().shape('Seoul').every((g) => g.glyph > 0)).toBe(true);
  });
});

describe('shaping', () => {
  it('applies the font’s kerning and ligatures', () => {
    const font = serif();
    const [a, v] = font.shape('AV');
    const [alone] = font.shape('A');
    expect(a!.advance).toBeLessThan(alone!.advance);
    expect(v!.at).toBe(1);
    // "fi" is one glyph in Source Serif.
    expect(font.shape('fi')).toHaveLength(1);
  });
});

describe('breaking lines', () => {
  const width = (n: number) => Array.from({ length: n }, (_, at) => ({ at, advance: 10 }));

  it('fills each line with whole words, the spaces between lines hanging', () => {
    const text = 'aaa bbb ccc';
    // 10 units a character: "aaa bbb" is 70 wide, "aaa bbb ccc" 110.
    expect(breakLines(text, width(text.length), 1, 0, 80)).toEqual([
      { from: 0, to: 7 },
      { from: 8, to: 11 },
    ]);
  });

  it('breaks after a hyphen or a dash, and lets a word wider than the line run alone', () => {
    const text = 'cost-sharing–talks verylongword';
    expect(breakLines(text, width(text.length), 1, 0, 130).map((l) => text.slice(l.from, l.to))).toEqual(['cost-sharing–', 'talks', 'verylongword']);
    expect(breakLines(text, width(text.length), 1, 0, 50).map((l) => text.slice(l.from, l.to))).toEqual(['cost-', 'sharing–', 'talks', 'verylongword']);
  });

  it('counts letter spacing as width', () => {
    const text = 'aa bb';
    expect(breakLines(text, width(text.length), 1, 0, 50)).toHaveLength(1);
    expect(breakLines(text, width(text.length), 1, 2, 50)).toHaveLength(2);
  });
});

describe('setting text', () => {
  it('draws each glyph once a size and place, and sets the same text the same way again', async () => {
    const font = serif();
    const first = await setText('Seoul sees', { font, size: 48, lineHeight: 1.15 }, 1056);
    const drawn = font.drawn.size;
    // "S", "e", "o", "u", "l", "s": at most four quarter-pixel places each.
    expect(drawn).toBeGreaterThanOrEqual(6);
    expect(drawn).toBeLessThanOrEqual(6 * 4);
    const again = await setText('Seoul sees', { font, size: 48, lineHeight: 1.15 }, 1056);
    expect(font.drawn.size).toBe(drawn);
    expect(again.alpha).toEqual(first.alpha);
    await setText('Seoul sees', { font, size: 36, lineHeight: 1.15 }, 1056);
    expect(font.drawn.size).toBeGreaterThan(drawn);
  });

  it('sets lines a line height apart, inside the box but for descenders, and no wider than asked', async () => {
    const font = serif();
    const one = await setText('Alliance', { font, size: 64, lineHeight: 1.15 }, 1056);
    const three = await setText('Alliance ' + 'word '.repeat(60), { font, size: 64, lineHeight: 1.15 }, 1056);
    expect([one.lines, one.height]).toEqual([1, Math.round(64 * 1.15)]);
    expect(three.lines).toBeGreaterThan(2);
    expect(three.height).toBe(Math.round(three.lines * 64 * 1.15));
    const ink = inked(three);
    expect(ink.right).toBeLessThan(1056);
    expect(ink.left).toBeLessThan(8);
    // A capital's top is below the box's top, and the last line's ink ends near the box's bottom.
    expect(ink.top + three.inkTop).toBeGreaterThan(0);
    expect(Math.abs(ink.bottom + three.inkTop - three.height)).toBeLessThan(64 * 0.4);
  });

  it('adds letter spacing after each character', async () => {
    const font = sans();
    const plain = inked(await setText('Long Reads', { font, size: 30 }, 1056));
    const spaced = inked(await setText('Long Reads', { font, size: 30, letterSpacing: 1 }, 1056));
    expect(spaced.right - plain.right).toBe(9);
  });
});
